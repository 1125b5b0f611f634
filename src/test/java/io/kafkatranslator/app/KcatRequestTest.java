package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A JSON request produced with kcat (Debian package kcat) is translated. */
class KcatRequestTest {

    @Test
    void jsonRequestProducedWithKcatIsTranslated(@TempDir Path stateDir) throws Exception {
        boolean kcat = Files.isExecutable(Path.of("/usr/bin/kcat"));
        if (!kcat) {
            System.out.println("SKIPPED KcatRequestTest: kcat is not installed (apt-get install kcat)");
        }
        Assumptions.assumeTrue(kcat, "kcat is not installed");
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(),
                    ProcessorConfig.ACCEPT_JSON, "true", ProcessorConfig.HTTP_PORT, "-1")));
            broker.createTopics(Map.of(config.inputTopic(), 1, config.outputTopic(), 1, config.deadLetterTopic(), 1));
            try (ProcessorApp app = new ProcessorApp(TranslationEngine.load(TranslatorConfig.defaults()), config)) {
                app.start();
                Process p = new ProcessBuilder("kcat", "-P", "-b", broker.bootstrapServers(), "-t", config.inputTopic(),
                        "-k", "kcat-conversation").redirectErrorStream(true).start();
                p.getOutputStream().write(("{\"request_id\": \"kcat-1\", \"conversation_id\": \"kcat-conversation\", "
                        + "\"text\": \"Je suis étudiant.\"}\n").getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                assertEquals(true, p.waitFor(30, TimeUnit.SECONDS), "kcat finished");
                assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                TranslationResult result = firstResult(broker.bootstrapServers(), config.outputTopic());
                assertEquals("kcat-1", result.getRequestId());
                assertEquals("kcat-conversation", result.getConversationId());
                assertFalse(result.getTranslation().isBlank());
            }
        }
    }

    private static TranslationResult firstResult(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "kcat-test", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    return new AvroSerde<TranslationResult>(TranslationResult.getClassSchema()).deserializer().deserialize(topic, r.value());
                }
            }
        }
        throw new AssertionError("no result within 60 s");
    }
}
