package io.kafkatranslator.app;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import io.kafkatranslator.topology.DeadLetters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 9,990-character message on a real broker, first against topics whose record limits refuse its
 * result and then its dead letter, then against ordinary ones; a normal message of another
 * conversation after each. Nothing stops the processor for good, nothing is lost or written twice,
 * and /health/ready says what is going on: while stream threads fail, and while the broker is down.
 */
class LongMessageIntegrationTest {
    private static final String[] SENTENCES = {"Bonjour, je vous écris au sujet de ma commande du mois dernier.",
        "Le colis n'est jamais arrivé et le suivi ne montre plus rien depuis dix jours.",
        "Pouvez-vous vérifier ce qui s'est passé et me dire quand je peux espérer le recevoir ?",
        "J'ai déjà contacté le transporteur, qui me renvoie vers vous.", "Merci d'avance pour votre aide.",
        "Je suis disponible tous les soirs après le travail si vous voulez m'appeler."};

    @Test
    void aLongMessageNeverStopsTheProcessorAndHealthSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        String longText = longMessage();
        try (ChildProcessBroker broker = new ChildProcessBroker(dir);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // The broker command made the topics; these limits make them refuse the long message's result and dead letter.
            setLimit(admin, "translation-results", 16_384);
            setLimit(admin, "translation-dead-letters", 4_096);
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    "kafka.state.dir", dir.resolve("state").toString(), ProcessorConfig.HTTP_PORT.key(), "0",
                    ProcessorConfig.HEALTH_WINDOW_MS.key(), "10000", ProcessorConfig.CLOSE_TIMEOUT_MS.key(), "5000",
                    // A replaced stream thread gets its partitions back once the dead one's session has expired.
                    "kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1500")));
            TranslatorConfig engine = TranslatorConfig.from(ConfigSource.of(Map.of("translator.beam.size", "1")));
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(engine), config)) {
                app.start();
                awaitHealth(app, "/health/ready", r -> r.statusCode() == 200, "ready after start");

                // The result is over the results topic's 16 KiB, then its dead letter over the dead letters' 4 KiB:
                // stream threads fail on it, and readiness says so, instead of answering 200 throughout.
                send(broker, "long", "long-1", longText);
                send(broker, "normal", "normal-1", "Il fait beau aujourd'hui.");
                String failing = awaitHealth(app, "/health/ready", r -> r.statusCode() == 503 && r.body().contains("stream thread(s) failed"),
                        "not ready while stream threads fail");
                System.out.println("long message test: " + failing.strip());
                assertEquals(200, get(app.httpPort(), "/health/live").statusCode(), "a replaced thread is not a dead process");

                // Dead letters may be large again: the request is dead-lettered with its reason, the other one translated.
                setLimit(admin, "translation-dead-letters", 1_048_588);
                DeadLetter refused = readDeadLetters(broker, 1).get(0);
                assertEquals(ErrorCode.RESULT_NOT_WRITTEN.name(), refused.getReason());
                assertTrue(refused.getMessage().contains("RecordTooLargeException"), refused.getMessage());
                assertEquals(longText, DeadLetters.originalRequest(refused).getText(), "the request is kept whole");
                awaitHealth(app, "/health/ready", r -> r.statusCode() == 200, "ready again once nothing fails");

                // Results may be large again: a long message comes back translated within its budget.
                setLimit(admin, "translation-results", 1_048_588);
                send(broker, "long", "long-2", longText);
                send(broker, "normal", "normal-2", "Je reviens demain matin.");
                List<TranslationResult> results = ResultsReader.readAll(broker.bootstrapServers(), "translation-results", 3);
                assertEquals(List.of("long-2", "normal-1", "normal-2"), results.stream().map(TranslationResult::getRequestId)
                        .sorted().toList(), "each result once, none for the refused one");
                TranslationResult translated = results.stream().filter(r -> r.getRequestId().equals("long-2")).findFirst().orElseThrow();
                assertFalse(translated.getAlignmentDropped(), "within the default 512 KiB budget");
                assertEquals(longText, translated.getSourceText());
                assertTrue(translated.getSegments().size() > 100, "every sentence: " + translated.getSegments().size());
                assertEquals(1, readDeadLetters(broker, 1).size(), "no second dead letter");

                // The broker stops: readiness fails with the reason within the window, and comes back with the broker.
                broker.stop();
                String down = awaitHealth(app, "/health/ready", r -> r.statusCode() == 503 && r.body().contains("no broker reachable"),
                        "not ready while the broker is down");
                System.out.println("long message test: " + down.strip());
                broker.start();
                awaitHealth(app, "/health/ready", r -> r.statusCode() == 200, "ready again after the broker's restart");
            }
        }
    }

    private static String longMessage() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 9_990; i++) {
            sb.append(SENTENCES[i % SENTENCES.length]).append(i % 7 == 6 ? "\n" : " ");
        }
        return sb.substring(0, 9_990);
    }

    private static void send(ChildProcessBroker broker, String conversation, String id, String text) {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("translation-requests", conversation, serde.encode(TranslationRequest.newBuilder()
                    .setRequestId(id).setConversationId(conversation).setText(text).build())));
        }
    }

    private static void setLimit(Admin admin, String topic, int bytes) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                new ConfigEntry("max.message.bytes", Integer.toString(bytes)), AlterConfigOp.OpType.SET)))).all().get();
    }

    private static List<DeadLetter> readDeadLetters(ChildProcessBroker broker, int expected) {
        return ResultsReader.readAll(Map.of("bootstrap.servers", broker.bootstrapServers()), "translation-dead-letters", expected,
                DeadLetter.getClassSchema());
    }

    private static String awaitHealth(ProcessorApp app, String path, Predicate<HttpResponse<String>> expected, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(app.httpPort(), path);
            if (expected.test(last)) {
                return last.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": " + path + " answered " + (last == null ? "nothing" : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
