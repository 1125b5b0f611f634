package io.kafkatranslator.model;

/** A model that cannot be used: missing or altered file, unknown format, engine failure. */
public class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
