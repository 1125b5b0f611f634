package io.kafkatranslator.bench;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceBackend;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;

/** Counts the work the graphs were given (padded positions included), to derive FLOPs from it. */
final class CountingBackend implements InferenceBackend {
    private final InferenceBackend inner;
    long encoderPositions;
    long encoderSentences;
    long decoderRows;
    long decoderRowPositions;

    CountingBackend(InferenceBackend inner) {
        this.inner = inner;
    }

    void reset() {
        encoderPositions = encoderSentences = decoderRows = decoderRowPositions = 0;
    }

    @Override
    public InferenceSession newSession() {
        InferenceSession session = inner.newSession();
        return new InferenceSession() {
            @Override
            public EncodedBatch encode(long[] sourceIds, long[] lengths, int batch, int sourceLength) {
                encoderPositions += (long) batch * sourceLength;
                encoderSentences += batch;
                return session.encode(sourceIds, lengths, batch, sourceLength);
            }

            @Override
            public SourceMemory memory(EncodedBatch encoded, int[] sentenceOfRow) {
                return session.memory(encoded, sentenceOfRow);
            }

            @Override
            public StepOutput step(long[] previousIds, float[] state, SourceMemory memory) {
                StepOutput out = session.step(previousIds, state, memory);
                decoderRows += out.rows();
                decoderRowPositions += (long) out.attention().length;
                return out;
            }

            @Override
            public boolean aligns() {
                return session.aligns();
            }

            @Override
            public float[] align(EncodedBatch encoded, int[] sentenceOfRow, long[] targetIds, long[] targetLengths,
                         int targetLength, float[] similarity) {
                return session.align(encoded, sentenceOfRow, targetIds, targetLengths, targetLength, similarity);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void close() {
        inner.close();
    }
}
