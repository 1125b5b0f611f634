package io.kafkatranslator.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A read_committed consumer on its own thread, as a reader of the results would be: counts the records
 * it reads that `counted` accepts (which may also record them) and notes when the last one arrived.
 */
final class Arrivals implements AutoCloseable {
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long lastArrival;

    Arrivals(String bootstrap, String group, List<String> topics, Predicate<ConsumerRecord<String, byte[]>> counted) {
        thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "group.id", group, "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(topics);
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                        boolean counts = counted.test(r);
                        lastArrival = System.nanoTime();
                        if (counts) {
                            count.incrementAndGet();
                        }
                    }
                }
            }
        }, group + "-arrivals");
        thread.start();
    }

    void reset() {
        count.set(0);
    }

    int count() {
        return count.get();
    }

    /** Whether `expected` records were counted since the last reset within the timeout. */
    boolean await(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return count.get() >= expected;
    }

    long lastArrivalNanos() {
        return lastArrival;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
