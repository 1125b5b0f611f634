package io.kafkatranslator.runtime;

/**
 * Encoder output for a batch, on the Java heap: states [batch, sourceLength, stateSize],
 * initial decoder state [batch, decoderSize], and the source mask [batch, sourceLength]
 * (1 for a real position, 0 for padding).
 */
public record EncodedBatch(
        int batch,
        int sourceLength,
        int stateSize,
        int decoderSize,
        float[] states,
        float[] initialState,
        float[] mask) {

    public static float[] mask(long[] lengths, int sourceLength) {
        float[] mask = new float[lengths.length * sourceLength];
        for (int b = 0; b < lengths.length; b++) {
            java.util.Arrays.fill(mask, b * sourceLength, b * sourceLength + (int) lengths[b], 1f);
        }
        return mask;
    }
}
