package io.kafkatranslator.app;

import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.topology.EngineBatchTranslator;
import io.kafkatranslator.topology.TranslationTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The running processor: one loaded model shared by all stream threads (each task opens its own
 * translator, so each thread has its own predictors), the topology, and an orderly shutdown.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final TranslationEngine engine;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public ProcessorApp(TranslationEngine engine, ProcessorConfig config) {
        this.engine = engine;
        this.streams = new KafkaStreams(TranslationTopology.build(config, engine.manifest().sourceLanguage(),
                engine.manifest().targetLanguage(), () -> new EngineBatchTranslator(engine)),
                TranslationTopology.streamsProperties(config));
        // A thread that dies on an unexpected error is replaced: the partition is not left stuck.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until Streams has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        // Closing commits what was processed; pending requests stay in the changelogged store.
        streams.close(Duration.ofSeconds(30));
        engine.close();
    }
}
