package io.kafkatranslator.chat;

import io.kafkatranslator.schema.DecodingRequestOptions;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends what a participant typed to the input topic as a translation request, keyed by conversation,
 * with its writer as sender; a new message's id is its request's.
 */
final class MessageSender implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());

    MessageSender(Map<String, Object> kafka, String topic) {
        this.producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** The request, once the broker has it. */
    TranslationRequest send(ChatMessage m) throws ExecutionException, InterruptedException, TimeoutException {
        String requestId = m.writer() + "-" + UUID.randomUUID();
        TranslationRequest request = TranslationRequest.newBuilder().setRequestId(requestId)
                .setConversationId(m.conversation()).setText(m.text())
                .setSourceLanguage(m.from()).setTargetLanguage(m.to())
                .setSender(m.writer()).setMessageId(m.messageId() == null ? requestId : m.messageId())
                .setOperation(m.operation())
                .setOptions(m.formality() == null ? null
                        : DecodingRequestOptions.newBuilder().setFormality(m.formality().toString()).build())
                // The result's end-to-end time then runs from the moment the page sent the message.
                .setClientTimestamp(Instant.now()).build();
        producer.send(new ProducerRecord<>(topic, m.conversation(), serde.encode(request))).get(10, TimeUnit.SECONDS);
        return request;
    }

    @Override
    public void close() {
        producer.close();
    }
}
