package io.kafkatranslator.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latencies are exported as histogram buckets, which Prometheus can add up across instances; quantiles cannot be. */
class PrometheusMetricsTest {

    @Test
    void latenciesAreHistogramsWithChatSizedBuckets() {
        try (PrometheusMetrics metrics = new PrometheusMetrics(Map.of("tatoeba-fr-en", "2.1.0"))) {
            metrics.result(3, 42L);
            metrics.batch(5, 30, 12, 0);
            String scrape = metrics.scrape();
            assertTrue(scrape.contains("translator_end_to_end_seconds_bucket{le=\"0.035\"} 0"), scrape);
            assertTrue(scrape.contains("translator_end_to_end_seconds_bucket{le=\"0.05\"} 1"), scrape);
            assertTrue(scrape.contains("translator_queue_wait_seconds_bucket{le=\"0.005\"} 1"), scrape);
            assertTrue(scrape.contains("translator_batch_size_bucket{le=\"8.0\"} 1"), scrape);
            assertFalse(scrape.contains("quantile="), "no client-side quantiles");
        }
    }
}
