package io.kafkatranslator.engine;

import java.util.List;

/**
 * A translated sentence. Alignments are attention weights: alignment[i][j] is how much target
 * piece i attended to source piece j (end-of-sentence left out of both axes, so a row sums to
 * 1 minus the weight it gave to the source's end). The word-level matrix merges pieces into the
 * words a reader sees: a word's row is the mean of its pieces' rows, a word's column the sum of
 * its pieces' columns. Both are empty when alignments are switched off.
 */
public record Translation(
        String text,
        double score,
        List<NBestEntry> nbest,
        List<String> sourcePieces,
        List<String> targetPieces,
        float[][] alignment,
        List<String> sourceWords,
        List<String> targetWords,
        float[][] wordAlignment,
        int unknownsReplaced) implements TranslationOutcome {

    public record NBestEntry(String text, double score) {
    }
}
