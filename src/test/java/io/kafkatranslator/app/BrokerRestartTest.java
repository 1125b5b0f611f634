package io.kafkatranslator.app;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The broker is stopped and restarted under load; the processor recovers by itself and nothing is lost or repeated. */
class BrokerRestartTest {
    private static final int REQUESTS = 300;

    @Test
    void processorRecoversFromABrokerRestartWithoutLossOrDuplicates(@TempDir Path dir) throws Exception {
        try (ChildProcessBroker broker = new ChildProcessBroker(dir)) {
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    "kafka.state.dir", dir.resolve("state").toString(), ProcessorConfig.HTTP_PORT.key(), "-1")));
            TranslatorConfig engineConfig = TranslatorConfig.from(ConfigSource.of(Map.of("translator.beam.size", "1")));
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(engineConfig), config)) {
                app.start();
                Thread producer = new Thread(() -> produce(broker.bootstrapServers()));
                producer.start();
                Thread.sleep(4000);
                broker.stop();
                System.out.println("broker restart test: broker stopped");
                Thread.sleep(5000);
                broker.start();
                System.out.println("broker restart test: broker started again");
                producer.join();
                List<String> ids = java.util.stream.IntStream.range(0, REQUESTS).mapToObj(i -> "conversation-" + (i % 10) + "/" + i).toList();
                ResultsReader.assertExactlyOnceInOrder(ResultsReader.readAll(broker.bootstrapServers(), "translation-results", REQUESTS),
                        ids, "broker restart test");
                assertEquals(KafkaStreams.State.RUNNING, app.state());
            }
        }
    }

    private static void produce(String bootstrap) {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "delivery.timeout.ms", "120000", "enable.idempotence", "true"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < REQUESTS; i++) {
                String conversation = "conversation-" + (i % 10);
                producer.send(new ProducerRecord<>("translation-requests", conversation, serde.encode(TranslationRequest.newBuilder()
                        .setRequestId(conversation + "/" + i).setConversationId(conversation).setText("Il fait beau.").build())));
                Thread.sleep(40);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
