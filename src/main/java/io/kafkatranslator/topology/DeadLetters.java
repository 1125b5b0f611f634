package io.kafkatranslator.topology;

import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.PendingRequest;
import io.kafkatranslator.schema.TranslationRequest;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds dead-letter records (original bytes, reason, message and where the record came from), and reads them back. */
public final class DeadLetters {
    /** The reason code also travels as a record header: routing and alerting without decoding the value. */
    public static final String REASON_HEADER = "translator.reason";
    private static final AvroSerde<TranslationRequest> REQUESTS = new AvroSerde<>(TranslationRequest.getClassSchema());

    private DeadLetters() {
    }

    /** The request a dead letter holds, when its original value is an Avro request of the current schema; else null. */
    public static TranslationRequest originalRequest(DeadLetter d) {
        if (d.getOriginalValue() == null) {
            return null;
        }
        byte[] bytes = new byte[d.getOriginalValue().remaining()];
        d.getOriginalValue().duplicate().get(bytes);
        try {
            return REQUESTS.decode(bytes);
        } catch (IOException | RuntimeException notARequest) {
            return null;
        }
    }

    static Headers headers(TranslationError rejection) {
        return new RecordHeaders().add(REASON_HEADER, rejection.code().name().getBytes(StandardCharsets.UTF_8));
    }

    /** The dead letter of a record read from a topic, as a record for the dead-letter sink. */
    static Record<Object, Object> of(
            Record<byte[], byte[]> record, TranslationError rejection, RecordMetadata source,
            long now) {
        return record.withKey((Object) record.key())
                .withValue((Object) of(record.key(), record.value(), rejection, source, now))
                .withHeaders(headers(rejection));
    }

    static DeadLetter of(byte[] key, byte[] value, TranslationError rejection, RecordMetadata source, long now) {
        return DeadLetter.newBuilder()
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(rejection.code().name())
                .setMessage(rejection.message())
                .setSourceTopic(source == null ? "" : source.topic())
                .setSourcePartition(source == null ? -1 : source.partition())
                .setSourceOffset(source == null ? -1 : source.offset())
                .setFailedAt(Instant.ofEpochMilli(now))
                .build();
    }

    static DeadLetter of(PendingRequest pending, TranslationError rejection, long now) {
        return DeadLetter.newBuilder()
                .setOriginalKey(pending.getOriginalKey())
                .setOriginalValue(pending.getOriginalValue())
                .setReason(rejection.code().name())
                .setMessage(rejection.message())
                .setSourceTopic(pending.getSourceTopic())
                .setSourcePartition(pending.getSourcePartition())
                .setSourceOffset(pending.getSourceOffset())
                .setFailedAt(Instant.ofEpochMilli(now))
                .build();
    }
}
