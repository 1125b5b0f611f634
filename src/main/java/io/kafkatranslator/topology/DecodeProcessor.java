package io.kafkatranslator.topology;

import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.schema.PendingRequest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Raw records in; valid requests on to the batcher (keyed by conversation), the rest to the dead letters. */
final class DecodeProcessor implements Processor<byte[], byte[], Object, Object> {
    private final RequestDecoder decoder;
    private final TranslationMetrics metrics;
    private ProcessorContext<Object, Object> context;

    DecodeProcessor(RequestDecoder decoder, TranslationMetrics metrics) {
        this.decoder = decoder;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        long now = context.currentSystemTimeMs();
        // Unkeyed requests land on any partition: their conversation's order could not be kept.
        RequestDecoder.Result result = record.key() == null
                ? new RequestDecoder.Rejected(new TranslationError(ErrorCode.NULL_KEY,
                        "the record has no key: requests must be keyed by their conversation id"))
                : decoder.decode(record.value());
        if (result instanceof RequestDecoder.Rejected rejected) {
            metrics.deadLetter(rejected.rejection().code().name());
            context.forward(DeadLetters.of(record, rejected.rejection(), source, now), TranslationTopology.DEAD_LETTERS);
            return;
        }
        var request = ((RequestDecoder.Accepted) result).request();
        metrics.accepted();
        PendingRequest pending = PendingRequest.newBuilder()
                .setRequest(request)
                .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setOriginalValue(ByteBuffer.wrap(record.value()))
                .setSourceTopic(source == null ? "" : source.topic())
                .setSourcePartition(source == null ? -1 : source.partition())
                .setSourceOffset(source == null ? -1 : source.offset())
                .setArrivedAt(Instant.ofEpochMilli(now))
                .setSourceTokens(0)
                .build();
        context.forward(record.withKey((Object) request.getConversationId()).withValue(pending), TranslationTopology.BATCHER);
    }
}
