package io.kafkatranslator.engine;

/** The result for one input sentence: a {@link Translation} or a {@link TranslationError}. */
public sealed interface TranslationOutcome permits Translation, TranslationError {
}
