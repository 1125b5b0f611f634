package io.kafkatranslator.bench;

import io.kafkatranslator.model.ModelManifest;

/**
 * Multiply-adds of the model's matrix products, counted as 2 FLOPs each, from the manifest's sizes
 * (element-wise operations are left out: they are a few percent).
 */
record FlopModel(long perEncoderPosition, long perSentence, long perDecoderRow, long perDecoderRowPosition) {

    static FlopModel of(ModelManifest.Architecture a) {
        long e = a.embeddingSize();
        long h = a.encoderStateSize() / 2;
        long d = a.decoderHiddenSize();
        long s = a.encoderStateSize();
        long attn = a.attentionHiddenSize();
        long v = a.targetVocabSize();
        long gruEncoder = 2 * 3 * 2 * (e + h) * h;        // both directions, three gates
        long bridge = 2 * s * d;
        long gruDecoder = 3 * 2 * (e + d) * d;
        long query = 2 * d * s;
        long combine = 2 * (d + s) * attn;
        long project = 2 * attn * v;
        long attentionPerPosition = 2 * 2 * s;             // scores and context
        return new FlopModel(gruEncoder, bridge, gruDecoder + query + combine + project, attentionPerPosition);
    }

    double flops(CountingBackend c) {
        return (double) perEncoderPosition * c.encoderPositions + (double) perSentence * c.encoderSentences
                + (double) perDecoderRow * c.decoderRows + (double) perDecoderRowPosition * c.decoderRowPositions;
    }
}
