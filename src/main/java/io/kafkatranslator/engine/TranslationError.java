package io.kafkatranslator.engine;

/** Why a record or a message could not be translated, with a message a person can act on. */
public record TranslationError(ErrorCode code, String message) implements TranslationOutcome, Preparation {
}
