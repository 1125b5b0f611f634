package io.kafkatranslator.runtime;

/**
 * Encoder states and source mask held by the inference backend for one assignment of decoder rows
 * to sentences, so that the steps of a batch do not copy them again. Rebuilt only when that
 * assignment changes (a sentence finishes, beams fan out).
 */
public interface SourceMemory extends AutoCloseable {
    int rows();

    @Override
    void close();
}
