package io.kafkatranslator.runtime;

/**
 * One thread's handle on the model's encoder and decoder-step graphs (model contract in
 * training/README.md). Not thread-safe: every thread opens its own.
 */
public interface InferenceSession extends AutoCloseable {

    /** sourceIds [batch, sourceLength] padded, lengths [batch] (EOS included). */
    EncodedBatch encode(long[] sourceIds, long[] lengths, int batch, int sourceLength);

    /** Encoder states and mask for decoder rows, row r belonging to sentence sentenceOfRow[r]. */
    SourceMemory memory(EncodedBatch encoded, int[] sentenceOfRow);

    StepOutput step(long[] previousIds, float[] state, SourceMemory memory);

    @Override
    void close();

    /** Rows of a [batch, width] array gathered by sentence index. */
    static float[] gatherRows(float[] source, int width, int[] rows) {
        float[] out = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(source, rows[r] * width, out, r * width, width);
        }
        return out;
    }
}
