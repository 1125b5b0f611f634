package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 10,000 malformed records of every kind, interleaved with good ones, through the real processor on a
 * real broker: it keeps running, every bad record is a dead letter with the right reason, every good
 * one is translated.
 */
class BadInputFloodTest {
    private static final int BAD = 10_000;
    private static final int GOOD_EVERY = 20;
    private static final AvroSerde<TranslationRequest> REQUESTS = new AvroSerde<>(TranslationRequest.getClassSchema());

    private record Input(byte[] key, byte[] value, String expectedReason) {
    }

    private static byte[] request(String id, String text, String sourceLanguage) {
        return REQUESTS.encode(TranslationRequest.newBuilder().setRequestId(id).setConversationId("c" + (id.hashCode() & 7))
                .setText(text).setSourceLanguage(sourceLanguage).build());
    }

    private static Input bad(int i, Random random) {
        byte[] key = ("c" + (i & 7)).getBytes(StandardCharsets.UTF_8);
        byte[] good = request("bad-" + i, "Bonjour tout le monde.", "fr");
        return switch (i % 8) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                bytes[0] = 0x42;
                yield new Input(key, bytes, "UNDECODABLE");
            }
            case 1 -> new Input(key, Arrays.copyOf(good, good.length / 2), "UNDECODABLE");
            case 2 -> {
                byte[] foreign = good.clone();
                foreign[2 + random.nextInt(8)] ^= (byte) (1 + random.nextInt(255));
                yield new Input(key, foreign, "UNKNOWN_SCHEMA");
            }
            case 3 -> new Input(key, request("bad-" + i, " ", "fr"), "EMPTY_TEXT");
            case 4 -> new Input(key, request("bad-" + i, "mot ".repeat(25_000), "fr"), "TEXT_TOO_LONG");
            case 5 -> {
                byte[] invalid = request("bad-" + i, "caf\u00e9 noir", "fr");
                for (int b = invalid.length - 1; b > 0; b--) {
                    if ((invalid[b] & 0xFF) == 0xA9 && (invalid[b - 1] & 0xFF) == 0xC3) {
                        invalid[b] = 0x28;
                        break;
                    }
                }
                yield new Input(key, invalid, "INVALID_UNICODE");
            }
            case 6 -> new Input(key, request("bad-" + i, "Hola amigo.", "es"), "UNSUPPORTED_LANGUAGE_PAIR");
            default -> random.nextBoolean() ? new Input(null, good, "NULL_KEY") : new Input(key, null, "NULL_VALUE");
        };
    }

    @Test
    void tenThousandMalformedRecordsAreDeadLetteredAndTheGoodOnesTranslated(@TempDir Path stateDir) throws Exception {
        Random random = new Random(3);
        List<Input> inputs = new ArrayList<>();
        Map<String, Integer> expected = new TreeMap<>();
        int good = 0;
        for (int i = 0; i < BAD; i++) {
            if (i % GOOD_EVERY == 0) {
                String id = "good-" + good++;
                inputs.add(new Input(("c" + (good & 7)).getBytes(StandardCharsets.UTF_8), request(id, "Il fait beau.", "fr"), null));
            }
            Input b = bad(i, random);
            inputs.add(b);
            expected.merge(b.expectedReason, 1, Integer::sum);
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(),
                    ProcessorConfig.HTTP_PORT.key(), "-1", "translator.beam.size", "1")));
            broker.createTopics(config.newTopics(2));
            TranslatorConfig engineConfig = TranslatorConfig.from(ConfigSource.of(Map.of("translator.beam.size", "1")));
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(engineConfig), config);
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                         "max.request.size", "1048576"), new ByteArraySerializer(), new ByteArraySerializer())) {
                app.start();
                for (Input in : inputs) {
                    producer.send(new ProducerRecord<>(config.inputTopic(), in.key, in.value));
                }
                producer.flush();
                Map<String, List<byte[]>> topics = consume(broker.bootstrapServers(),
                        List.of(config.outputTopic(), config.deadLetterTopic()), good + BAD);
                Map<String, Integer> reasons = new TreeMap<>();
                AvroSerde<DeadLetter> dead = new AvroSerde<>(DeadLetter.getClassSchema());
                for (byte[] value : topics.getOrDefault(config.deadLetterTopic(), List.of())) {
                    reasons.merge(dead.deserializer().deserialize("", value).getReason(), 1, Integer::sum);
                }
                AvroSerde<TranslationResult> results = new AvroSerde<>(TranslationResult.getClassSchema());
                long translated = topics.getOrDefault(config.outputTopic(), List.of()).stream()
                        .map(v -> results.deserializer().deserialize("", v)).filter(r -> r.getRequestId().startsWith("good-")).count();
                System.out.printf("bad-input flood: %d malformed records dead-lettered by reason %s; %d of %d good ones translated%n",
                        reasons.values().stream().mapToInt(Integer::intValue).sum(), reasons, translated, good);
                assertEquals(expected, reasons);
                assertEquals(good, translated);
                assertEquals(KafkaStreams.State.RUNNING, app.state());
            }
        }
    }

    private static Map<String, List<byte[]>> consume(String bootstrap, List<String> topics, int expected) {
        Map<String, List<byte[]>> out = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "flood-reader", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            int count = 0;
            int quiet = 0;
            while (System.nanoTime() < deadline && (count < expected || quiet < 10)) {
                var records = consumer.poll(Duration.ofMillis(200));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    out.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r.value());
                    count++;
                }
            }
        }
        return out;
    }
}
