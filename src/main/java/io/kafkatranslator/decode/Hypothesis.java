package io.kafkatranslator.decode;

/**
 * A decoded target sequence. ids exclude EOS; attention has one row per decoding step (the EOS
 * step included), each over the sentence's source positions (its EOS included).
 */
public record Hypothesis(int[] ids, double rawScore, double score, float[][] attention) {
}
