package io.kafkatranslator.topology;

import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.metrics.TranslationMetrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The batches of one topology, one per stream thread: made when the thread initialises its first task,
 * closed (with the thread's translators) when it closes its last.
 */
final class ThreadBatches {
    private final Map<Thread, ThreadBatch> batches = new ConcurrentHashMap<>();
    private final Supplier<Map<LanguagePair, BatchTranslator>> translators;
    private final int maxRequests;
    private final int maxTokens;
    private final Duration maxWait;
    private final TranslationMetrics metrics;

    ThreadBatches(Supplier<Map<LanguagePair, BatchTranslator>> translators, int maxRequests,
                  int maxTokens, Duration maxWait, TranslationMetrics metrics) {
        this.translators = translators;
        this.maxRequests = maxRequests;
        this.maxTokens = maxTokens;
        this.maxWait = maxWait;
        this.metrics = metrics;
    }

    /** The calling stream thread's batch, which the caller (a task's processor) joins until it leaves. */
    ThreadBatch join() {
        ThreadBatch batch = batches.computeIfAbsent(Thread.currentThread(), thread -> new ThreadBatch(
                translators.get(), maxRequests, maxTokens, maxWait, metrics, () -> batches.remove(thread)));
        batch.join();
        return batch;
    }
}
