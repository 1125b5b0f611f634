package io.kafkatranslator.app;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.OutputCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scale-out, proven with processes: a real broker, an input topic of 6 partitions and three processor
 * instances (child JVMs, one stream thread each) under steady load; then a fourth joins, one is stopped
 * with SIGTERM, one killed with SIGKILL and brought back. A read_committed consumer, reading all along,
 * must see exactly one result per request, in each conversation's order; how long each change (its
 * rebalance) held up delivery is printed: the longest a partition of the results went without a result.
 */
class ScaleOutIntegrationTest {
    private static final int REQUESTS = 900;
    private static final int CONVERSATIONS = 30;
    private static final Duration LOAD = Duration.ofSeconds(60);

    @Test
    void instancesJoiningLeavingAndCrashingUnderLoadLoseDuplicateAndReorderNothing(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            broker.createTopics(ProcessorConfig.from(ConfigSource.of(Map.of())).newTopics(6));
            List<Process> instances = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                instances.add(TestInstances.start(bootstrap, dir.resolve("instance-" + i), Map.of()));
            }
            Delivery delivery = new Delivery(bootstrap);
            delivery.start();
            SteadyProducer producer = new SteadyProducer(bootstrap, REQUESTS, CONVERSATIONS, LOAD);
            producer.start();
            Map<String, Long> events = new LinkedHashMap<>();
            try {
                Thread.sleep(15_000);
                events.put("a fourth instance joins", System.nanoTime());
                instances.add(TestInstances.start(bootstrap, dir.resolve("instance-3"), Map.of()));
                Thread.sleep(12_000);
                events.put("instance 0 stopped (SIGTERM)", System.nanoTime());
                instances.get(0).destroy();
                Thread.sleep(12_000);
                events.put("instance 1 killed (SIGKILL)", System.nanoTime());
                instances.get(1).destroyForcibly().waitFor();
                Thread.sleep(5_000);
                events.put("instance 1 back", System.nanoTime());
                instances.set(1, TestInstances.start(bootstrap, dir.resolve("instance-1"), Map.of()));
                producer.join();
                delivery.awaitQuiet(REQUESTS);
            } finally {
                for (Process p : instances) {
                    p.destroy();
                }
                for (Process p : instances) {
                    p.waitFor();
                }
                delivery.finish();
            }
            events.forEach((event, at) -> System.out.printf(
                    "scale-out: %s: the longest a partition went without a result over the next 10 s: %d ms%n",
                    event, delivery.longestGapMs(at, at + Duration.ofSeconds(10).toNanos())));
            ResultsReader.assertExactlyOnceInOrder(delivery.results(), producer.ids(), "scale-out (3 instances, +1, SIGTERM, SIGKILL and back)");
            producer.assertVersions(delivery.results(), "scale-out: the conversations' state across rebalances");
        }
    }

    /** A read_committed consumer reading all along, noting when each result arrived. */
    private static final class Delivery extends Thread {
        private final String bootstrap;
        private final List<TranslationResult> results = new ArrayList<>();
        private final List<Long> arrivals = new ArrayList<>();
        private final List<Integer> partitions = new ArrayList<>();
        private volatile boolean done;

        Delivery(String bootstrap) {
            this.bootstrap = bootstrap;
        }

        @Override
        public void run() {
            OutputCodec<TranslationResult> codec = new OutputCodec<>(TranslationResult.getClassSchema());
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "group.id", "scale-out-reader", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("translation-results"));
                while (!done) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        synchronized (this) {
                            results.add(codec.decode(r.value()));
                            arrivals.add(now);
                            partitions.add(r.partition());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() throws InterruptedException {
            done = true;
            join();
        }

        /** Until `expected` results have come and then none for 5 s (so duplicates would show), or 3 minutes. */
        void awaitQuiet(int expected) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    if (results.size() >= expected && System.nanoTime() - arrivals.get(arrivals.size() - 1) > 5e9) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }

        synchronized List<TranslationResult> results() {
            return List.copyOf(results);
        }

        synchronized long longestGapMs(long from, long to) {
            Map<Integer, Long> previous = new LinkedHashMap<>();
            long longest = 0;
            for (int i = 0; i < arrivals.size(); i++) {
                long at = arrivals.get(i);
                if (at > from && at <= to) {
                    longest = Math.max(longest, at - previous.getOrDefault(partitions.get(i), from));
                    previous.put(partitions.get(i), at);
                }
            }
            for (long last : previous.values()) {
                longest = Math.max(longest, to - last);
            }
            return longest / 1_000_000;
        }
    }
}
