package io.kafkatranslator.decode;

/**
 * A decoded target sequence. ids exclude EOS; score is the sum of log-probabilities (greedy) or
 * that sum divided by the length penalty (beam search); attention has one row per decoding step (the EOS
 * step included), each over the sentence's source positions (its EOS included).
 */
public record Hypothesis(int[] ids, double score, float[][] attention) {
}
