package io.kafkatranslator.chat;

import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.app.ReadCommitted;
import io.kafkatranslator.topology.OutputCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
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
    private final OutputCodec<TranslationResult> results = new OutputCodec<>(TranslationResult.getClassSchema());
    private final OutputCodec<DeadLetter> deadLetters = new OutputCodec<>(DeadLetter.getClassSchema());
    private final Thread thread;
    private volatile boolean closing;

    /**
     * Positions the consumer before returning, so that every result of a request sent afterwards is
     * seen; fromBeginning replays the topics (the embedded broker's, which hold only this run's).
     */
    ResultFeed(Map<String, String> kafka, String outputTopic, String deadLetterTopic, boolean fromBeginning, EventHub hub) {
        this.consumer = ReadCommitted.open(kafka, List.of(outputTopic, deadLetterTopic), fromBeginning);
        this.deadLetterTopic = deadLetterTopic;
        this.hub = hub;
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
            hub.publish(r.topic().equals(deadLetterTopic) ? PageEvents.deadLetter(deadLetters.decode(r.value()))
                    : PageEvents.result(results.decode(r.value())));
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
