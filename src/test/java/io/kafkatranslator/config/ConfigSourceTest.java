package io.kafkatranslator.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSourceTest {

    @Test
    void environmentOverridesFileWhichOverridesDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "translator.beam.size=3\ntranslator.nbest=2\n");
        TranslatorConfig config = TranslatorConfig.from(ConfigSource.load(file, Map.of("TRANSLATOR_BEAM_SIZE", "4")));
        assertEquals(4, config.decoding().beamSize());
        assertEquals(2, config.decoding().nbest());
        assertEquals(200, config.maxSourceTokens());
    }

    @Test
    void kafkaSettingsPassThroughFromFileAndEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "kafka.bootstrap.servers=file:9092\nkafka.num.stream.threads=2\n");
        ProcessorConfig config = ProcessorConfig.from(ConfigSource.load(file, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "env:9092", "KAFKA_SASL_JAAS_CONFIG", "secret")));
        assertEquals(Map.of("bootstrap.servers", "env:9092", "num.stream.threads", "2", "sasl.jaas.config", "secret"),
                config.kafka());
    }

    @Test
    void invalidValueNamesItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                TranslatorConfig.from(ConfigSource.load(null, Map.of("TRANSLATOR_LENGTH_PENALTY", "high"))));
        assertTrue(e.getMessage().contains("translator.length.penalty"), e.getMessage());
    }

    @Test
    void misspeltSettingIsRejectedWithTheNearestValidOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "translator.beam_size=1\n");
        IllegalArgumentException inFile = assertThrows(IllegalArgumentException.class, () -> ConfigSource.load(file, Map.of()));
        assertEquals("unknown setting translator.beam_size in " + file + "; did you mean translator.beam.size?",
                inFile.getMessage());
        IllegalArgumentException inEnvironment = assertThrows(IllegalArgumentException.class,
                () -> ConfigSource.load(null, Map.of("PATH", "/bin", "PROCESSOR_INPUT_TOPICS", "requests")));
        assertEquals("unknown setting PROCESSOR_INPUT_TOPICS in the environment; did you mean PROCESSOR_INPUT_TOPIC?",
                inEnvironment.getMessage());
    }

    @Test
    void aMisspeltKafkaSettingIsRejectedInAFileAndToldInTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "kafka.producer.max.request.size=2000000\nkafka.topic.segment.bytes=1000000\nkafka.num.stream.thread=2\n");
        IllegalArgumentException inFile = assertThrows(IllegalArgumentException.class, () -> ConfigSource.load(file, Map.of()));
        assertEquals("unknown Kafka setting kafka.num.stream.thread in " + file + "; did you mean kafka.num.stream.threads?",
                inFile.getMessage());
        // Kubernetes' service links and the Kafka scripts' variables share the prefix: passed on, but not fatal.
        ConfigSource environment = ConfigSource.load(null, Map.of("KAFKA_NUM_STREAM_THREAD", "2", "KAFKA_PORT", "tcp://10.0.0.1:9092"));
        assertEquals("2", environment.withPrefix("kafka.").get("num.stream.thread"));
    }

    @Test
    void anEmptyVariableLeavesTheFilesValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "kafka.bootstrap.servers=file:9092\n");
        assertEquals("file:9092", ProcessorConfig.from(ConfigSource.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", ""))).bootstrapServers());
    }
}
