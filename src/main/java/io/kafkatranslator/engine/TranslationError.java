package io.kafkatranslator.engine;

import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.reason.ErrorCode;

/** Why a record or a message could not be translated, with a message a person can act on. */
public record TranslationError(ErrorCode code, String message) implements TranslationOutcome, Preparation {
}
