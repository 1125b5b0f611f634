package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A moderate steady load for a long time (30 minutes with -Pfaults; skipped otherwise): heap after
 * GC and resident memory, sampled every 30 s, must stay flat (the last third's mean within 15 %
 * of the second third's; the first third is warm-up).
 */
class SoakTest {
    private static final int MINUTES = Integer.getInteger("faults.soak.minutes", 0);
    private static final int RATE = 20;

    @Test
    void heapAndResidentMemoryStayFlatUnderSteadyLoad(@TempDir Path stateDir) throws Exception {
        Assumptions.assumeTrue(MINUTES > 0, "soak runs only in the full fault suite (mvn -B test -Pfaults)");
        List<long[]> samples = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of("kafka.bootstrap.servers",
                    broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(), ProcessorConfig.HTTP_PORT.key(), "-1")));
            broker.createTopics(config.newTopics(2));
            AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.defaults()), config);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                         new StringSerializer(), new ByteArraySerializer());
                 KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                         "group.id", "soak-reader", "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                app.start();
                reader.subscribe(List.of(config.outputTopic()));
                long end = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
                long nextSample = System.nanoTime();
                for (int i = 0; System.nanoTime() < end; i++) {
                    String conversation = "soak-" + (i % 30);
                    producer.send(new ProducerRecord<>(config.inputTopic(), conversation, serde.encode(TranslationRequest.newBuilder()
                            .setRequestId("soak-" + i).setConversationId(conversation).setText("Nous partons demain matin à huit heures.").build())));
                    reader.poll(Duration.ZERO);
                    Thread.sleep(1000 / RATE);
                    if (System.nanoTime() >= nextSample) {
                        System.gc();
                        samples.add(new long[] {ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), residentBytes()});
                        System.out.printf("soak: %d requests, heap %d MB, resident %d MB%n", i,
                                samples.get(samples.size() - 1)[0] >> 20, samples.get(samples.size() - 1)[1] >> 20);
                        nextSample += Duration.ofSeconds(30).toNanos();
                    }
                }
            }
        }
        int third = samples.size() / 3;
        for (int metric = 0; metric < 2; metric++) {
            double middle = mean(samples.subList(third, 2 * third), metric);
            double last = mean(samples.subList(2 * third, samples.size()), metric);
            assertTrue(last <= middle * 1.15, (metric == 0 ? "heap" : "resident memory") + " grew: " + middle + " -> " + last);
        }
    }

    private static double mean(List<long[]> samples, int metric) {
        return samples.stream().mapToLong(s -> s[metric]).average().orElse(0);
    }

    private static long residentBytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
