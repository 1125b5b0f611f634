package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The embedded default behind {@code demo} and {@code chat}: a single-node broker in this JVM with
 * the processor's topics, and the processor with the configured (by default the shipped) models,
 * its state in a temporary directory that closing deletes.
 */
public final class EmbeddedProcessor implements AutoCloseable {
    private final EmbeddedBroker broker;
    private final Path stateDir;
    private final ProcessorConfig config;
    private final Set<LanguagePair> pairs;
    private final ProcessorApp app;

    private EmbeddedProcessor(EmbeddedBroker broker, Path stateDir, ProcessorConfig config, TranslationModels models) {
        this.broker = broker;
        this.stateDir = stateDir;
        this.config = config;
        this.pairs = models.pairs();
        this.app = new ProcessorApp(models, config);
    }

    /** Starts the broker, creates the topics, loads the models and starts the processor; returns once it runs. */
    public static EmbeddedProcessor start(ConfigSource source, String applicationId) throws Exception {
        return start(source, applicationId, config -> { });
    }

    /** What runs once the topics exist and before the processor starts (it then reads the glossary from the start). */
    public interface BeforeStart {
        void run(ProcessorConfig config) throws Exception;
    }

    /** As {@link #start(ConfigSource, String)}, with beforeStart run once the topics exist. */
    public static EmbeddedProcessor start(ConfigSource source, String applicationId, BeforeStart beforeStart) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start();
        Path stateDir = null;
        EmbeddedProcessor embedded;
        try {
            // A directory of this run's own, where the processor keeps its state by default.
            Path states = ProcessorApp.stateDirectory(TranslatorConfig.from(source));
            Files.createDirectories(states);
            stateDir = Files.createTempDirectory(states, applicationId);
            ProcessorConfig config = ProcessorConfig.from(source.with(Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(),
                    "kafka.application.id", applicationId, ProcessorConfig.HTTP_PORT.key(), "0")));
            broker.createTopics(config.newTopics(3));
            beforeStart.run(config);
            embedded = new EmbeddedProcessor(broker, stateDir, config, TranslationModels.load(TranslatorConfig.from(source)));
        } catch (Exception | Error e) {
            broker.close();
            if (stateDir != null) {
                TempDirectory.delete(stateDir);
            }
            throw e;
        }
        try {
            embedded.app.start();
            embedded.awaitRunning(Duration.ofSeconds(60));
            return embedded;
        } catch (Exception | Error e) {
            embedded.close();
            throw e;
        }
    }

    /** Until the processor has its partitions: a message sent earlier would wait for the rebalance. */
    private void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processor was not running " + timeout.toSeconds() + " s after it started");
            }
            Thread.sleep(50);
        }
    }

    /** The processor's settings, Kafka's pointing at the embedded broker. */
    public ProcessorConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The language pairs the loaded models serve. */
    public Set<LanguagePair> pairs() {
        return pairs;
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
            broker.close();
        } finally {
            TempDirectory.delete(stateDir);
        }
    }
}
