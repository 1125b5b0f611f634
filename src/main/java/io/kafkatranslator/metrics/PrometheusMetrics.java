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
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter requests;
    private final Counter targetTokens;
    private final Counter unknownsReplaced;
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
        batchSize = DistributionSummary.builder("translator.batch.size").description("requests per micro-batch")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        decoding = Timer.builder("translator.batch.decoding").description("time to translate a micro-batch")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        queueWait = Timer.builder("translator.queue.wait").description("time a request waited for its batch")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        endToEnd = Timer.builder("translator.end.to.end").description("from the request's client timestamp to its result")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        models.forEach((name, version) -> Gauge.builder("translator.model.info", () -> 1).tag("name", name)
                .tag("version", version).description("a loaded model").register(registry));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
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
