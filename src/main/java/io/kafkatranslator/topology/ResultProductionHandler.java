package io.kafkatranslator.topology;

import io.kafkatranslator.config.OutputFormat;
import io.kafkatranslator.engine.ErrorCode;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * When Kafka refuses one result (too large for the broker or the topic, not authorised, invalid),
 * its request goes to the dead letters with the reason and processing goes on. Without exactly-once
 * the dead letter is written here, in place of the result. Under exactly-once the refusal aborts
 * the transaction, so the dead letter written here is aborted with it; the refusal is remembered
 * ({@link RefusedResults}) and the batching processor dead-letters the request when Streams
 * processes it again. A fault that is not the record's (the broker gone, a fenced producer) never
 * reaches here as such: the producer retries it, and what it gives up on fails the stream thread.
 */
public final class ResultProductionHandler implements ProductionExceptionHandler {
    /** The Streams property carrying processor.output.format, so that dead letters written here match the others. */
    static final String FORMAT = "translator.output.format";
    private static final Logger LOG = LoggerFactory.getLogger(ResultProductionHandler.class);
    private static final AvroSerde<TranslationRequest> REQUESTS = new AvroSerde<>(TranslationRequest.getClassSchema());
    private final OutputCodec<TranslationResult> results = new OutputCodec<>(TranslationResult.getClassSchema());
    private final OutputCodec<DeadLetter> deadLetters = new OutputCodec<>(DeadLetter.getClassSchema());
    private RefusedResults refusals;
    private String deadLetterTopic;
    private Serializer<DeadLetter> deadLetterSerializer;

    @Override
    public void configure(Map<String, ?> configs) {
        refusals = (RefusedResults) configs.get(RefusedResults.PROPERTY);
        deadLetterTopic = (String) configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterSerializer = deadLetters.serializer((OutputFormat) configs.get(FORMAT));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!recordsOwnFault(exception) || record.topic().equals(deadLetterTopic) || record.value() == null) {
            return Response.fail();
        }
        TranslationResult result;
        try {
            result = results.decode(record.value());
        } catch (IOException | RuntimeException notAResult) {
            return Response.fail();
        }
        String reason = "Kafka refused the result (" + result.getTranslation().length() + " characters, "
                + record.value().length + " bytes) for " + record.topic() + ": " + exception.getClass().getSimpleName()
                + ": " + exception.getMessage();
        LOG.warn("request {}: {}; dead-lettering it", result.getRequestId(), reason);
        refusals.refused(result.getRequestId(), reason);
        return Response.resume(List.of(deadLetter(record, result, reason, context)));
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        // Results are serialised (within their budget) before they are forwarded, and dead letters are the
        // processor's own records: a serialisation failure here is a bug, not a record's fault.
        return Response.fail();
    }

    private static boolean recordsOwnFault(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof SerializationException || e instanceof AuthorizationException;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ProducerRecord<byte[], byte[]> record, TranslationResult result, String reason,
                                                      ErrorHandlerContext context) {
        TranslationRequest request = TranslationRequest.newBuilder().setRequestId(result.getRequestId())
                .setConversationId(result.getConversationId())
                .setText(result.getSourceText() == null ? "" : result.getSourceText())
                .setSourceLanguage(result.getSourceLanguage()).setTargetLanguage(result.getTargetLanguage()).build();
        TranslationError error = new TranslationError(ErrorCode.RESULT_NOT_WRITTEN, reason);
        DeadLetter letter = DeadLetters.of(record.key(), REQUESTS.encode(request), error, null, context.timestamp());
        return new ProducerRecord<>(deadLetterTopic, null, record.key(), deadLetterSerializer.serialize(deadLetterTopic, letter),
                DeadLetters.headers(error));
    }
}
