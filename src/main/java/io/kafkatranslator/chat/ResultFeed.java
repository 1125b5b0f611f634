package io.kafkatranslator.chat;

import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output and dead-letter topics (read_committed: only what the processor committed) and
 * publishes each record to the page as an event. No consumer group: every page server reads all
 * partitions from where it starts, and commits nothing.
 */
final class ResultFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultFeed.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String deadLetterTopic;
    private final EventHub hub;
    private final PageEvents events = new PageEvents();
    private final AvroSerde<TranslationResult> results = new AvroSerde<>(TranslationResult.getClassSchema());
    private final AvroSerde<DeadLetter> deadLetters = new AvroSerde<>(DeadLetter.getClassSchema());
    private final Thread thread;
    private volatile boolean closing;

    /**
     * Positions the consumer before returning, so that every result of a request sent afterwards is
     * seen; fromBeginning replays the topics (the embedded broker's, which hold only this run's).
     */
    ResultFeed(Map<String, Object> kafka, String outputTopic, String deadLetterTopic, boolean fromBeginning, EventHub hub) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetterTopic = deadLetterTopic;
        this.hub = hub;
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(outputTopic, deadLetterTopic)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalStateException("topic " + topic + " does not exist");
                }
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        this.thread = new Thread(this::run, "chat-result-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    publish(r);
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("the chat page's result feed stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void publish(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            hub.publish(r.topic().equals(deadLetterTopic) ? events.deadLetter(deadLetters.decode(r.value()))
                    : events.result(results.decode(r.value())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("record {}-{}@{} is not one the page can show: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
