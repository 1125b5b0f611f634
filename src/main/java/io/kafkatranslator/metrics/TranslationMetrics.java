package io.kafkatranslator.metrics;

/** What the topology reports; {@link #NONE} where nobody watches (tests, the benchmark). */
public interface TranslationMetrics {
    TranslationMetrics NONE = new TranslationMetrics() {
    };

    default void accepted() {
    }

    default void deadLetter(String reason) {
    }

    /** One micro-batch: its size, how long it took to translate, and its target tokens and replaced unknown words. */
    default void batch(int requests, long decodingMs, long targetTokens, long unknownsReplaced) {
    }

    /** One message looked up in the cache of recent translations. */
    default void cache(boolean hit) {
    }

    /** One result: how long its request waited for its batch, and since the client sent it (null: unknown). */
    default void result(long queuedMs, Long endToEndMs) {
    }
}
