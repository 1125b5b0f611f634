package io.kafkatranslator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The processor's meters in Prometheus format, next to Kafka Streams' own (Micrometer's binder)
 * and the JVM's. Rates (requests/s, tokens/s, unknown-word rate) are computed by Prometheus from
 * the counters, e.g. rate(translator_requests_total[1m]).
 */
public final class PrometheusMetrics implements TranslationMetrics, AutoCloseable {
    private static final Duration[] LATENCY_BUCKETS = java.util.stream.LongStream.of(
            5, 10, 20, 35, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000, 10000).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    private static final double[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64, 128};
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter requests;
    private final Counter targetTokens;
    private final Counter unknownsReplaced;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final DistributionSummary batchSize;
    private final Timer decoding;
    private final Timer queueWait;
    private final Timer endToEnd;
    private KafkaStreamsMetrics streamsMetrics;

    /** models: each loaded model's name and version. */
    public PrometheusMetrics(java.util.Map<String, String> models) {
        requests = Counter.builder("translator.requests").description("requests accepted for translation").register(registry);
        targetTokens = Counter.builder("translator.target.tokens").description("target tokens produced").register(registry);
        unknownsReplaced = Counter.builder("translator.unknown.words.replaced")
                .description("<unk> outputs replaced by a source word").register(registry);
        cacheHits = Counter.builder("translator.cache.hits").description("messages answered from the cache of recent translations")
                .register(registry);
        cacheMisses = Counter.builder("translator.cache.misses").description("messages the cache of recent translations did not have")
                .register(registry);
        batchSize = DistributionSummary.builder("translator.batch.size").description("requests per micro-batch")
                .serviceLevelObjectives(BATCH_SIZES).register(registry);
        decoding = latency("translator.batch.decoding", "time to translate a micro-batch");
        queueWait = latency("translator.queue.wait", "time a request waited for its batch");
        endToEnd = latency("translator.end.to.end", "from the request's client timestamp to its result");
        models.forEach((name, version) -> Gauge.builder("translator.model.info", () -> 1).tag("name", name)
                .tag("version", version).description("a loaded model").register(registry));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /**
     * Histogram buckets, not client-side quantiles: buckets add up across instances (Prometheus'
     * histogram_quantile over sum by (le)), quantiles do not. Chosen around a chat's latency budget:
     * fine below 100 ms, coarse up to the seconds of a backlog.
     */
    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    public void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void accepted() {
        requests.increment();
    }

    @Override
    public void cache(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    @Override
    public void deadLetter(String reason) {
        Counter.builder("translator.dead.letters").description("records sent to the dead-letter topic")
                .tag("reason", reason).register(registry).increment();
    }

    @Override
    public void batch(int requests, long decodingMs, long tokens, long unknowns) {
        batchSize.record(requests);
        decoding.record(Duration.ofMillis(decodingMs));
        targetTokens.increment(tokens);
        unknownsReplaced.increment(unknowns);
    }

    @Override
    public void result(long queuedMs, Long endToEndMs) {
        queueWait.record(queuedMs, TimeUnit.MILLISECONDS);
        if (endToEndMs != null && endToEndMs >= 0) {
            endToEnd.record(endToEndMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
