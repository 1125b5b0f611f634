package io.kafkatranslator.topology;

import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.route.BatchTranslator;
import io.kafkatranslator.route.Routing;
import io.kafkatranslator.route.TranslationCache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The batches of one topology, one per stream thread: made when the thread initialises its first task,
 * with the thread's own translators behind the topology's router, and closed with them when it closes its last.
 */
final class ThreadBatches {
    private final Map<Thread, ThreadBatch> batches = new ConcurrentHashMap<>();
    private final LanguageRouter router;
    private final Supplier<Map<LanguagePair, BatchTranslator>> translators;
    private final int maxRequests;
    private final int maxTokens;
    private final Duration maxWait;
    private final TranslationMetrics metrics;
    private final TranslationCache cache;

    /** cacheSize: the most recent translations the instance's threads share (0: none). */
    ThreadBatches(LanguageRouter router, Supplier<Map<LanguagePair, BatchTranslator>> translators, int maxRequests,
                  int maxTokens, Duration maxWait, long cacheSize, TranslationMetrics metrics) {
        this.router = router;
        this.translators = translators;
        this.maxRequests = maxRequests;
        this.maxTokens = maxTokens;
        this.maxWait = maxWait;
        this.metrics = metrics;
        this.cache = new TranslationCache(cacheSize, metrics);
    }

    /** The calling stream thread's batch, which the caller (a task's processor) joins until it leaves. */
    ThreadBatch join() {
        ThreadBatch batch = batches.computeIfAbsent(Thread.currentThread(), thread -> new ThreadBatch(
                new Routing(router, translators.get(), cache), maxRequests, maxTokens, maxWait, metrics, () -> batches.remove(thread),
                System::nanoTime));
        batch.join();
        return batch;
    }
}
