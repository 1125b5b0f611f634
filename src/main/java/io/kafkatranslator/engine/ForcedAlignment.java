package io.kafkatranslator.engine;

import java.util.List;

/**
 * Where the model attends while producing a given translation: weights[i][j], target word i over
 * source word j; logProb, how likely the model finds that translation (its pieces and the end of sentence).
 */
public record ForcedAlignment(List<String> sourceWords, List<String> targetWords, float[][] weights, double logProb,
                              int targetPieces) {

    /** For each target word, the source word it attended to most (its hard alignment). */
    public int[] strongestSourceWords() {
        int[] best = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            best[i] = Alignments.argmax(weights[i]);
        }
        return best;
    }

    /** Pharaoh links "j-i" (source word first, 0-based), in target order. */
    public String pharaoh() {
        return Alignments.pharaoh(weights);
    }
}
