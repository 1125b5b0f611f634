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

    /** Whether the model has an alignment layer (aligner.onnx), whose alignments replace the attention's. */
    boolean aligns();

    /**
     * The alignment layer over finished translations: targetIds [rows, targetLength] (each its pieces,
     * then EOS, then padding), targetLengths [rows] (EOS included), row r translating sentence
     * sentenceOfRow[r] of the encoded batch, similarity [rows, targetLength, sourceLength] (how alike
     * the pieces' words are spelt, 0 for EOS and padding); returns [rows, targetLength, sourceLength].
     */
    float[] align(EncodedBatch encoded, int[] sentenceOfRow, long[] targetIds, long[] targetLengths, int targetLength,
                  float[] similarity);

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
