package io.kafkatranslator.topology;

/** Why a record goes to the dead-letter topic: a stable code and a message a person can act on. */
public record Rejection(String reason, String message) {
    public static final String NULL_VALUE = "NULL_VALUE";
    public static final String NULL_KEY = "NULL_KEY";
    public static final String UNDECODABLE = "UNDECODABLE";
    public static final String UNKNOWN_SCHEMA = "UNKNOWN_SCHEMA";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String UNSUPPORTED_LANGUAGE_PAIR = "UNSUPPORTED_LANGUAGE_PAIR";
}
