package io.kafkatranslator.engine;

/** Why a sentence could not be translated; stable names, used as dead-letter reason codes. */
public enum ErrorCode {
    EMPTY_TEXT,
    TEXT_TOO_LONG,
    CONTROL_CHARACTER,
    INVALID_UNICODE,
    UNSUPPORTED_LANGUAGE_PAIR,
    TRANSLATION_FAILED
}
