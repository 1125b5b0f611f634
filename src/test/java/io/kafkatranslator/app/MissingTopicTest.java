package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A topic deleted under a running processor stops it on an error, instead of stream threads replaced forever. */
class MissingTopicTest {

    @Test
    void theInputTopicDeletedWhileRunningStopsTheProcessorOnAnError(@TempDir Path stateDir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(),
                    // Notices the deletion at the next metadata refresh rather than within the default 5 minutes.
                    "kafka.metadata.max.age.ms", "1000", ProcessorConfig.HTTP_PORT.key(), "-1")));
            broker.createTopics(config.newTopics(1));
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.defaults()), config)) {
                app.start();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (app.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                    admin.deleteTopics(List.of(config.inputTopic())).all().get();
                }
                deadline = System.nanoTime() + 90_000_000_000L;
                while (!app.failed() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertTrue(app.failed(), "stopped on an error, not " + app.state());
            }
        }
    }
}
