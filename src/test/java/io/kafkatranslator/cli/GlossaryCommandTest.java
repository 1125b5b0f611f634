package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.app.EmbeddedProcessor;
import io.kafkatranslator.config.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `glossary put`, `list` and `delete` against a real broker, and a running processor honouring what was put. */
class GlossaryCommandTest {

    @Test
    void aTermPutFromTheCommandLineIsListedAndHonouredByTheProcessorAndDeletedAgain(@TempDir Path dir) throws Exception {
        try (EmbeddedProcessor embedded = EmbeddedProcessor.start(ConfigSource.of(Map.of()), "glossary-test")) {
            String config = Files.writeString(dir.resolve("cluster.properties"), "kafka.bootstrap.servers=" + embedded.bootstrapServers())
                    .toString();
            String term = "{\"tenant\": \"acme\", \"pair\": \"fr-en\", \"term\": \"abonnement\", \"translation\": \"subscription plan\"}";
            assertEquals(0, StandardStreams.withStdin(term + "\n", () -> Main.run(new String[] {"glossary", "put", "--config", config})));
            assertEquals(List.of("{\"tenant\":\"acme\",\"pair\":\"fr-en\",\"term\":\"abonnement\",\"translation\":\"subscription plan\"}"),
                    StandardStreams.stdout(() -> Main.run(new String[] {"glossary", "list", "--config", config})));

            // The processor's global store may take a moment to read the term: the message is sent until a result shows it.
            List<String> translations = List.of();
            for (int sent = 1; sent <= 20 && !translations.contains("My subscription plan is expired."); sent++) {
                Main.run(new String[] {"produce", "--config", config, "--conversation", "c1", "--tenant", "acme",
                        "Mon abonnement est expiré."});
                int expected = sent;
                translations = StandardStreams.stdout(() -> Main.run(new String[] {"consume", "--config", config, "--from-beginning",
                        "--max", Integer.toString(expected)})).stream()
                        .map(l -> readTree(l).get("value").get("translation").asText()).toList();
            }
            assertTrue(translations.contains("My subscription plan is expired."), translations.toString());

            assertEquals(0, StandardStreams.withStdin("{\"tenant\": \"acme\", \"pair\": \"fr-en\", \"term\": \"abonnement\"}\n",
                    () -> Main.run(new String[] {"glossary", "delete", "--config", config})));
            assertEquals(List.of(), StandardStreams.stdout(() -> Main.run(new String[] {"glossary", "list", "--config", config})));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
