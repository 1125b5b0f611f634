package io.kafkatranslator.app;

import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sends requests at a steady pace on its own thread while processors are started, stopped and killed.
 * Request ids are "conversation/sequence" (what ResultsReader checks). Each request is a message with
 * an id and a sender; every third round of the conversations edits the message its conversation sent
 * the round before, so that its result must say version 2: a conversation state lost or applied twice
 * across a crash or a rebalance shows as a version 1 or 3 ({@link #assertVersions}).
 */
final class SteadyProducer extends Thread {
    private static final List<String> SENTENCES = List.of("Je suis étudiant.", "Elle est en retard.", "Où est la gare ?",
            "Nous partons demain matin.", "Il fait très chaud aujourd'hui.", "J'aime beaucoup ce livre.");
    private final String bootstrap;
    private final int requests;
    private final int conversations;
    private final Duration over;
    volatile int sent;

    SteadyProducer(String bootstrap, int requests, int conversations, Duration over) {
        this.bootstrap = bootstrap;
        this.requests = requests;
        this.conversations = conversations;
        this.over = over;
    }

    private boolean isEdit(int request) {
        return request / conversations % 3 == 2;
    }

    /** Every result is its message's first version, or its second for an edit. */
    void assertVersions(List<TranslationResult> results, String what) {
        for (TranslationResult r : results) {
            int request = Integer.parseInt(r.getRequestId().substring(r.getRequestId().indexOf('/') + 1));
            assertEquals(isEdit(request) ? 2 : 1, r.getVersion(), what + ": the version of " + r.getRequestId());
        }
    }

    List<String> ids() {
        return IntStream.range(0, requests).mapToObj(i -> "conversation-" + (i % conversations) + "/" + i).toList();
    }

    @Override
    public void run() {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        long pauseNanos = over.toNanos() / requests;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.idempotence", "true"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < requests; i++) {
                String conversation = "conversation-" + (i % conversations);
                boolean edit = isEdit(i);
                TranslationRequest r = TranslationRequest.newBuilder().setRequestId(conversation + "/" + i)
                        .setConversationId(conversation).setText(SENTENCES.get(i % SENTENCES.size()))
                        .setSender(conversation + "-writer").setMessageId(conversation + "/m" + (edit ? i - conversations : i))
                        .setOperation(edit ? "EDIT" : null).build();
                producer.send(new ProducerRecord<>("translation-requests", conversation, serde.encode(r)));
                sent = i + 1;
                Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
