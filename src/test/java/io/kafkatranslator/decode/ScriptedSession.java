package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;

/**
 * A scripted model: vocabulary {pad, unk, bos, eos, a, b}; the next-token distribution and the
 * attention depend only on the previous token. After bos it prefers a (0.5) to b (0.45); after
 * either, eos (0.9). After a it attends only to the first source position, otherwise evenly.
 */
final class ScriptedSession implements InferenceSession {
    static final int BOS = 2;
    static final int EOS = 3;
    static final int A = 4;
    static final int B = 5;
    int steps;

    @Override
    public EncodedBatch encode(long[] sourceIds, long[] lengths, int batch, int sourceLength) {
        return new EncodedBatch(batch, sourceLength, 1, 1, new float[batch * sourceLength], new float[batch],
                EncodedBatch.mask(lengths, sourceLength));
    }

    @Override
    public SourceMemory memory(EncodedBatch encoded, int[] sentenceOfRow) {
        return new SourceMemory() {
            @Override
            public int rows() {
                return sentenceOfRow.length;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public StepOutput step(long[] previousIds, float[] state, SourceMemory memory) {
        steps++;
        int rows = previousIds.length;
        float[] logProbs = new float[rows * 6];
        float[] attention = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            double[] p = previousIds[r] == BOS ? new double[] {0.01, 0.01, 0.01, 0.02, 0.5, 0.45}
                    : new double[] {0.02, 0.02, 0.02, 0.9, 0.02, 0.02};
            for (int v = 0; v < 6; v++) {
                logProbs[r * 6 + v] = (float) Math.log(p[v]);
            }
            attention[r * 2] = previousIds[r] == A ? 1f : 0.5f;
            attention[r * 2 + 1] = previousIds[r] == A ? 0f : 0.5f;
        }
        return new StepOutput(rows, 6, logProbs, new float[rows], attention);
    }

    @Override
    public boolean aligns() {
        return false;
    }

    @Override
    public float[] align(EncodedBatch encoded, int[] sentenceOfRow, long[] targetIds, long[] targetLengths,
                         int targetLength, float[] similarity) {
        throw new UnsupportedOperationException("the scripted model has no alignment layer");
    }

    @Override
    public void close() {
    }
}
