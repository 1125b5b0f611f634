package io.kafkatranslator.decode;

/**
 * A decoded target sequence. ids exclude EOS; logProb is the sum of its tokens' log-probabilities
 * (EOS included when it was emitted); score ranks hypotheses: logProb for greedy search, and for beam
 * search logProb divided by the length penalty plus the coverage penalty. attention has one row per
 * decoding step (the EOS step included), each over the sentence's source positions (its EOS included).
 */
public record Hypothesis(int[] ids, double score, double logProb, float[][] attention) {
}
