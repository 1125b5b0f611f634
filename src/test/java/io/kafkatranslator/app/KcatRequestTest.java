package io.kafkatranslator.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.schema.TranslationResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** With JSON in and out, kcat (Debian package kcat) alone is enough: it sends a request and reads its result. */
class KcatRequestTest {

    @Test
    void jsonRequestProducedWithKcatIsTranslatedAndItsJsonResultReadWithKcat(@TempDir Path stateDir) throws Exception {
        boolean kcat = Files.isExecutable(Path.of("/usr/bin/kcat"));
        if (!kcat) {
            System.out.println("SKIPPED KcatRequestTest: kcat is not installed (apt-get install kcat)");
        }
        Assumptions.assumeTrue(kcat, "kcat is not installed");
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(),
                    ProcessorConfig.ACCEPT_JSON.key(), "true", ProcessorConfig.OUTPUT_FORMAT.key(), "json", ProcessorConfig.HTTP_PORT.key(), "-1")));
            broker.createTopics(config.newTopics(1));
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.defaults()), config)) {
                app.start();
                Process p = new ProcessBuilder("kcat", "-P", "-b", broker.bootstrapServers(), "-t", config.inputTopic(),
                        "-k", "kcat-conversation").redirectErrorStream(true).start();
                p.getOutputStream().write(("{\"request_id\": \"kcat-1\", \"conversation_id\": \"kcat-conversation\", "
                        + "\"text\": \"Je suis étudiant.\"}\n").getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                assertEquals(true, p.waitFor(30, TimeUnit.SECONDS), "kcat finished");
                assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                List<TranslationResult> results = ResultsReader.readAll(broker.bootstrapServers(), config.outputTopic(), 1);
                assertEquals(1, results.size());
                // The README's command: one JSON object a line, the result schema's field names.
                Process consume = new ProcessBuilder("kcat", "-C", "-b", broker.bootstrapServers(), "-t", config.outputTopic(),
                        "-X", "isolation.level=read_committed", "-o", "beginning", "-e", "-q").start();
                assertEquals(true, consume.waitFor(30, TimeUnit.SECONDS), "kcat finished");
                List<String> lines = new String(consume.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertEquals(1, lines.size(), lines.toString());
                JsonNode result = new ObjectMapper().readTree(lines.get(0));
                assertEquals("kcat-1", result.get("request_id").asText());
                assertEquals("kcat-conversation", result.get("conversation_id").asText());
                assertEquals(results.get(0).getTranslation(), result.get("translation").asText());
                assertEquals("fr", result.get("source_language").asText());
                assertFalse(result.get("translation").asText().isBlank());
            }
        }
    }
}
