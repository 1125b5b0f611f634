package io.kafkatranslator.app;

import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.OutputCodec;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads results as a downstream service would (read_committed) and checks the exactly-once promise. */
public final class ResultsReader {
    private ResultsReader() {
    }

    /** Every result (in either output format) until `expected` have come and then nothing more for 5 s (so duplicates would show), or 3 minutes. */
    public static List<TranslationResult> readAll(String bootstrap, String topic, int expected) {
        return readAll(Map.of("bootstrap.servers", bootstrap), topic, expected);
    }

    /** The same with the client settings of a secured cluster (bootstrap.servers among them). */
    public static List<TranslationResult> readAll(Map<String, Object> client, String topic, int expected) {
        return readAll(client, topic, expected, TranslationResult.getClassSchema());
    }

    /** Every record of the schema (results or dead letters, in either output format) until `expected` have come, then as above. */
    public static <T extends SpecificRecord> List<T> readAll(Map<String, Object> client, String topic, int expected, Schema schema) {
        OutputCodec<T> codec = new OutputCodec<>(schema);
        List<T> records = new ArrayList<>();
        Map<String, Object> props = new HashMap<>(client);
        props.putAll(Map.of("group.id", "results-reader-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int quietPolls = 0;
            while (System.nanoTime() < deadline && (records.size() < expected || quietPolls < 25)) {
                var polled = consumer.poll(Duration.ofMillis(200));
                quietPolls = polled.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : polled) {
                    try {
                        records.add(codec.decode(r.value()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return records;
    }

    /**
     * Request ids are "conversation/sequence": asserts one result per request id in `expectedIds`, none
     * twice, and each conversation's results in sequence order. Returns [lost, duplicated].
     */
    static long[] assertExactlyOnceInOrder(List<TranslationResult> results, java.util.Collection<String> expectedIds, String label) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Integer>> order = new LinkedHashMap<>();
        for (TranslationResult r : results) {
            seen.merge(r.getRequestId(), 1, Integer::sum);
            order.computeIfAbsent(r.getConversationId(), c -> new ArrayList<>()).add(Integer.parseInt(r.getRequestId().split("/")[1]));
        }
        long lost = expectedIds.stream().filter(id -> !seen.containsKey(id)).count();
        long duplicated = seen.values().stream().filter(n -> n > 1).count();
        System.out.printf("%s: %d requests, %d results, lost %d, duplicated %d%n", label, expectedIds.size(), results.size(), lost, duplicated);
        assertEquals(0, lost, "every request has a result");
        assertEquals(0, duplicated, "no request has two results");
        assertEquals(expectedIds.size(), seen.size(), "no result for a request that was not sent");
        order.values().forEach(ids -> assertEquals(ids.stream().sorted().toList(), ids, "conversation order"));
        return new long[] {lost, duplicated};
    }
}
