package io.kafkatranslator.app;

import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.metrics.HttpEndpoints;
import io.kafkatranslator.metrics.PrometheusMetrics;
import io.kafkatranslator.route.Routing;
import io.kafkatranslator.topology.RefusedResults;
import io.kafkatranslator.topology.TranslationTopology;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The running processor: the loaded models shared by all stream threads (each task opens its own
 * translator of each, so each thread has its own predictors), the topology, its metrics and health
 * endpoints, and an orderly shutdown. It owns the models it is given and closes them.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final TranslationModels models;
    private final KafkaStreams streams;
    private final PrometheusMetrics metrics;
    private final HttpEndpoints http;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CloseOptions.GroupMembershipOperation onClose;
    private final Duration closeTimeout;
    private final HealthMonitor health;

    public ProcessorApp(TranslationModels models, ProcessorConfig config) {
        this.models = models;
        // A static member (group.instance.id) stays in the group, so that its restart takes its partitions back
        // without a rebalance; a dynamic one leaves, so that the others need not wait out its session (45 s).
        this.onClose = config.kafka().containsKey("group.instance.id")
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
        Map<String, String> loaded = new LinkedHashMap<>();
        models.pairs().forEach(p -> loaded.put(models.find(p).manifest().name(), models.find(p).manifest().version()));
        this.metrics = new PrometheusMetrics(loaded);
        RefusedResults refusals = new RefusedResults();
        Properties properties = TranslationTopology.streamsProperties(config, refusals);
        // Streams' default, under the OS temp directory, may be cleared under a running instance (and it warns so at
        // every start): the processor's own cache directory instead, unless kafka.state.dir says where.
        properties.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDirectory(models.config()).toString());
        this.streams = new KafkaStreams(TranslationTopology.build(config, models.router(), models.config().decoding(),
                () -> Routing.translators(models), refusals, metrics), properties);
        metrics.bind(streams);
        this.closeTimeout = config.closeTimeout();
        this.health = new HealthMonitor(streams, config.healthWindow(), config.healthStuck(), System::currentTimeMillis);
        // A thread that dies on an unexpected error is replaced: the partition is not left stuck. A missing
        // topic is not such an error: a replaced thread would fail the same way, forever.
        streams.setUncaughtExceptionHandler(e -> {
            if (missingTopic(e)) {
                LOG.error("a topic of the processor is gone; stopping: {}", e.getMessage());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            LOG.error("stream thread failed; replacing it", e);
            health.threadFailed();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        try {
            this.http = config.httpPort() < 0 ? null : new HttpEndpoints(config.httpPort(), metrics::scrape,
                    health::notLive, health::notReady);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics and health port " + config.httpPort(), e);
        }
    }

    /** Where Kafka Streams keeps its state unless kafka.state.dir says otherwise: under the cache directory, not the OS temp one. */
    static Path stateDirectory(TranslatorConfig config) {
        return config.cacheDir().resolve("state");
    }

    public void start() {
        streams.start();
        health.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The port of /metrics and /health/*, or -1 when they are switched off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    private static boolean missingTopic(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingSourceTopicException || t instanceof UnknownTopicOrPartitionException) {
                return true;
            }
        }
        return false;
    }

    /** True once Streams has stopped on an error rather than because it was asked to. */
    public boolean failed() {
        return streams.state() == KafkaStreams.State.ERROR;
    }

    /** Blocks until Streams has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        health.closing();
        // Closing commits what was processed; pending requests stay in the changelogged store. With the broker
        // gone it cannot, and gives up after the close timeout: nothing is lost, the uncommitted work is redone.
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(onClose).withTimeout(closeTimeout));
        health.close();
        if (http != null) {
            http.close();
        }
        metrics.close();
        if (closed) {
            models.close();
        } else {
            // A stream thread may still be inside a model call: its native sessions are left to the exiting process.
            LOG.warn("Kafka Streams did not close within {} ms (processor.close.timeout.ms); stopping without it", closeTimeout.toMillis());
        }
    }
}
