package io.kafkatranslator.runtime;

/** A loaded model shared by all threads; each thread decodes through its own session. */
public interface InferenceBackend extends AutoCloseable {
    InferenceSession newSession();

    String name();

    @Override
    void close();
}
