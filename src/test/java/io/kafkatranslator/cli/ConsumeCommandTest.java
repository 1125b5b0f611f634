package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.app.EmbeddedProcessor;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `consume` prints the processor's Avro results and dead letters as JSON lines a person (or jq) reads. */
class ConsumeCommandTest {

    @Test
    void resultsAndDeadLettersComeOutAsJsonLinesWithTheReasonAndTheOriginalRequest(@TempDir Path dir) throws Exception {
        try (EmbeddedProcessor embedded = EmbeddedProcessor.start(ConfigSource.of(Map.of()), "consume-test")) {
            Path cluster = Files.writeString(dir.resolve("cluster.properties"), "kafka.bootstrap.servers=" + embedded.bootstrapServers());
            for (String text : List.of("Je suis étudiant.", "   ")) {
                assertEquals(0, Main.run(new String[] {"produce", "--config", cluster.toString(), "--conversation", "c42", text}));
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : StandardStreams.stdout(() -> Main.run(new String[] {"consume", "--config", cluster.toString(), "--from-beginning", "--max", "2"}))) {
                lines.add(new ObjectMapper().readTree(line));
            }
            ProcessorConfig config = embedded.config();
            JsonNode result = lines.stream().filter(l -> l.get("topic").asText().equals(config.outputTopic())).findFirst().orElseThrow();
            assertEquals("c42", result.get("key").asText());
            assertEquals("I'm a student.", result.get("value").get("translation").asText());
            assertEquals("fr", result.get("value").get("source_language").asText());
            JsonNode dead = lines.stream().filter(l -> l.get("topic").asText().equals(config.deadLetterTopic())).findFirst().orElseThrow();
            assertEquals("EMPTY_TEXT", dead.get("value").get("reason").asText());
            assertEquals("   ", dead.get("original_request").get("text").asText());
        }
    }
}
