package io.kafkatranslator.runtime;

/** The inference engine failed while running a graph. */
public class InferenceException extends RuntimeException {
    public InferenceException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
