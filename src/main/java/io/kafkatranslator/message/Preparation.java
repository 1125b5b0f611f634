package io.kafkatranslator.message;

/**
 * A message ready for the model ({@link PreparedMessage}), or why it cannot be translated
 * ({@link io.kafkatranslator.engine.TranslationError}, which also answers for a failed translation).
 */
public interface Preparation {
}
