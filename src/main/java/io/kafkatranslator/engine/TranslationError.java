package io.kafkatranslator.engine;

/** A sentence that could not be translated, with a reason a person can act on. */
public record TranslationError(ErrorCode code, String message) implements TranslationOutcome {
}
