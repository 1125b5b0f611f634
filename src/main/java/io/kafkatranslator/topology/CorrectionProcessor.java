package io.kafkatranslator.topology;

import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.policy.Correction;
import io.kafkatranslator.reason.ErrorCode;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A correction posted of a result becomes its tenant's memory entry for that source (written to the memory topic, in
 * the same transaction as the correction's offset); a record that is not a correction goes to the dead letters with
 * what is wrong with it ({@code INVALID_CORRECTION}), its bytes as they came.
 */
final class CorrectionProcessor implements Processor<byte[], byte[], Object, Object> {
    private final TranslationMetrics metrics;
    private ProcessorContext<Object, Object> context;

    CorrectionProcessor(TranslationMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Correction correction;
        try {
            correction = Correction.parse(record.value() == null ? null : utf8(record.value()));
        } catch (IllegalArgumentException e) {
            TranslationError error = new TranslationError(ErrorCode.INVALID_CORRECTION, e.getMessage());
            metrics.deadLetter(error.code().name());
            context.forward(DeadLetters.of(record, error, context.recordMetadata().orElse(null), context.currentSystemTimeMs()),
                    TranslationTopology.DEAD_LETTERS);
            return;
        }
        context.forward(new Record<Object, Object>(correction.memoryKey(), correction.memoryValue(), record.timestamp()),
                TranslationTopology.MEMORY_WRITES);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text");
        }
    }
}
