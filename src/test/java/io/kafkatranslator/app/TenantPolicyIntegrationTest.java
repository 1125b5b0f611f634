package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.policy.PolicyTopic;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's policy on a real broker, across two instances of the processor: a glossary term, a memory entry and a
 * correction written while both run are honoured by both, for every conversation of the tenant, within seconds.
 */
class TenantPolicyIntegrationTest {
    private static final int PARTITIONS = 4;
    private static final Map<String, String> EXPECTED = Map.of(
            "Mon abonnement est expiré.", "My subscription plan is expired.",
            "Super !", "Great!",
            "je reviens vers vous rapidement", "I'll get back to you shortly.");

    @Test
    void aTermAMemoryEntryAndACorrectionWrittenWhileTwoInstancesRunAreHonouredByBoth(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessorConfig first = config(broker, dir.resolve("first"));
            broker.createTopics(first.newTopics(PARTITIONS));
            try (ProcessorApp a = new ProcessorApp(TranslationModels.load(TranslatorConfig.defaults()), first);
                 ProcessorApp b = new ProcessorApp(TranslationModels.load(TranslatorConfig.defaults()),
                         config(broker, dir.resolve("second")))) {
                a.start();
                b.start();
                awaitRunning(a, b);
                LanguagePair frEn = new LanguagePair("fr", "en");
                try (KafkaProducer<String, String> policy = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
                    policy.send(new ProducerRecord<>(first.glossaryTopic(), PolicyTopic.GLOSSARY.key("acme", frEn, "abonnement"),
                            PolicyTopic.value("subscription plan"))).get();
                    policy.send(new ProducerRecord<>(first.memoryTopic(), PolicyTopic.MEMORY.key("acme", frEn, "Super !"),
                            PolicyTopic.value("Great!"))).get();
                    policy.send(new ProducerRecord<>(first.correctionsTopic(), "r-7", "{\"tenant\": \"acme\", "
                            + "\"source_language\": \"fr\", \"target_language\": \"en\", \"source_text\": \"Je reviens vers vous "
                            + "rapidement.\", \"translation\": \"I'll get back to you shortly.\"}")).get();
                }
                List<String> conversations = onEveryPartition();
                Map<String, String> lastRound = Map.of();
                try (KafkaConsumer<byte[], byte[]> results = ReadCommitted.open(first.kafka(), List.of(first.outputTopic()), true);
                     KafkaProducer<String, byte[]> requests = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                             new StringSerializer(), new ByteArraySerializer())) {
                    // Each instance reads the policy topics on its own: rounds are sent until one is honoured throughout.
                    for (int round = 0; round < 30 && !honoured(lastRound); round++) {
                        lastRound = round(round, conversations, requests, results, first.inputTopic());
                    }
                }
                assertTrue(honoured(lastRound), "the last round: " + lastRound);
                assertTrue(requestsTotal(a) > 0 && requestsTotal(b) > 0, "both instances translated: "
                        + requestsTotal(a) + " and " + requestsTotal(b));
            }
        }
    }

    private static ProcessorConfig config(EmbeddedBroker broker, Path stateDir) {
        return ProcessorConfig.from(ConfigSource.of(Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.state.dir", stateDir.toString(), ProcessorConfig.HTTP_PORT.key(), "0",
                "translator.beam.size", "1")));
    }

    private static void awaitRunning(ProcessorApp... apps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (java.util.Arrays.stream(apps).anyMatch(app -> app.state() != KafkaStreams.State.RUNNING)) {
            assertTrue(System.nanoTime() < deadline, "both instances running within 90 s");
            Thread.sleep(100);
        }
    }

    /** Two conversation ids on each input partition (the producer's default partitioner), so both instances have some. */
    private static List<String> onEveryPartition() {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        for (int i = 0; byPartition.values().stream().mapToInt(List::size).sum() < 2 * PARTITIONS; i++) {
            String id = "conversation-" + i;
            List<String> ids = byPartition.computeIfAbsent(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8)))
                    % PARTITIONS, p -> new ArrayList<>());
            if (ids.size() < 2) {
                ids.add(id);
            }
        }
        return byPartition.values().stream().flatMap(List::stream).toList();
    }

    /** Every message of the round, in every conversation: its translation by request id. */
    private static Map<String, String> round(int round, List<String> conversations, KafkaProducer<String, byte[]> requests,
                                             KafkaConsumer<byte[], byte[]> results, String topic) throws Exception {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        Map<String, String> sources = new LinkedHashMap<>();
        for (String conversation : conversations) {
            for (String text : EXPECTED.keySet()) {
                String id = conversation + "/" + round + "/" + sources.size();
                sources.put(id, text);
                requests.send(new ProducerRecord<>(topic, conversation, serde.encode(TranslationRequest.newBuilder().setRequestId(id)
                        .setConversationId(conversation).setText(text).setSourceLanguage("fr").setTargetLanguage("en")
                        .setTenant("acme").build())));
            }
        }
        requests.flush();
        AvroSerde<TranslationResult> decoder = new AvroSerde<>(TranslationResult.getClassSchema());
        Map<String, String> out = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (out.size() < sources.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : results.poll(Duration.ofMillis(200))) {
                TranslationResult result = decoder.decode(r.value());
                if (sources.containsKey(result.getRequestId())) {
                    out.put(sources.get(result.getRequestId()) + " @ " + result.getRequestId(), result.getTranslation());
                }
            }
        }
        assertEquals(sources.size(), out.size(), "every message of round " + round + " answered");
        Thread.sleep(500);
        return out;
    }

    private static boolean honoured(Map<String, String> round) {
        return !round.isEmpty() && round.entrySet().stream()
                .allMatch(e -> EXPECTED.get(e.getKey().substring(0, e.getKey().indexOf(" @ "))).equals(e.getValue()));
    }

    private static double requestsTotal(ProcessorApp app) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.httpPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^translator_requests_total ([0-9.E]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
