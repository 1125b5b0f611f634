package io.kafkatranslator.decode;

/**
 * A decoded target sequence. ids exclude EOS; logProb is the sum of its tokens' log-probabilities
 * (EOS included when it was emitted); score ranks hypotheses: logProb for greedy search, and for beam
 * search logProb divided by the length penalty plus the coverage penalty. alignment has one row per
 * decoding step (the EOS step included), each over the sentence's source positions (its EOS included):
 * the decoder's attention at that step, or, where the model has an alignment layer, that layer's row
 * for the step's token (for the hypotheses a message uses: {@code align.Realignment}). fromPhrasebook: a translation a
 * phrasebook gives for the sentence (the training corpus's or the project's chat formulas), which the model only
 * ranked and aligned.
 */
public record Hypothesis(int[] ids, double score, double logProb, float[][] alignment, boolean fromPhrasebook) {
    /** A hypothesis the model found. */
    public Hypothesis(int[] ids, double score, double logProb, float[][] alignment) {
        this(ids, score, logProb, alignment, false);
    }

    public Hypothesis withAlignment(float[][] rows) {
        return new Hypothesis(ids, score, logProb, rows, fromPhrasebook);
    }

    public Hypothesis asPhrasebookTranslation() {
        return new Hypothesis(ids, score, logProb, alignment, true);
    }
}
