package io.kafkatranslator.engine;

/** A message ready for the model ({@link PreparedMessage}), or why it cannot be translated ({@link TranslationError}). */
public sealed interface Preparation permits PreparedMessage, TranslationError {
}
