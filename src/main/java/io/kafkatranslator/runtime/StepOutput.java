package io.kafkatranslator.runtime;

/** One decoding step for {@code rows} rows: log-probs [rows, vocab], state [rows, H], attention [rows, S]. */
public record StepOutput(int rows, int vocab, float[] logProbs, float[] state, float[] attention) {
}
