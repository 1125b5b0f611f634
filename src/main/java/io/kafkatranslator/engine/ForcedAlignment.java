package io.kafkatranslator.engine;

import java.util.List;

/**
 * A given translation aligned by the model: weights[i][j], target word i over source word j, the
 * alignment the engine reports (the alignment layer's where the model has one); attention, the
 * decoder's attention merged the same way; logProb, how likely the model finds that translation
 * (its pieces and the end of sentence).
 */
public record ForcedAlignment(List<String> sourceWords, List<String> targetWords, float[][] weights,
                              float[][] attention, double logProb, int targetPieces) {

    /** For each target word, its strongest source word in the reported alignment (its hard alignment). */
    public int[] strongestSourceWords() {
        return strongest(weights);
    }

    /** For each target word, the source word the decoder attended to most. */
    public int[] strongestAttendedSourceWords() {
        return strongest(attention);
    }

    private static int[] strongest(float[][] rows) {
        int[] best = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            best[i] = Alignments.argmax(rows[i]);
        }
        return best;
    }

    /** The links a reader is shown ({@link Alignments#links}): pairs {source word, target word}. */
    public List<int[]> links() {
        return Alignments.links(weights);
    }

    /** {@link #links()} as Pharaoh "j-i" (source word first, 0-based), in target order. */
    public String pharaoh() {
        return Alignments.pharaoh(weights);
    }
}
