package io.kafkatranslator.topology;

import io.kafkatranslator.schema.TranslationResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * When Kafka refuses one result (too large for the broker or the topic, not authorised, invalid),
 * its request goes to the dead letters with the reason and processing goes on. The refusal is
 * remembered ({@link RefusedResults}) and the batching processor dead-letters the request when
 * Streams processes it again: under exactly-once the refusal aborts the transaction, so the batch
 * is read again; without it the thread is failed and replaced, so that the offsets are not
 * committed past the request. The dead letter is not written from here: a refusal the broker
 * sends back is handled on the producer's network thread, where a record for a topic the producer
 * has not written yet waits for metadata that thread itself would fetch (60 s, then the thread
 * fails). A fault that is not the record's (the broker gone, a fenced producer) never reaches here
 * as such: the producer retries it, and what it gives up on fails the stream thread.
 */
public final class ResultProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResultProductionHandler.class);
    private final OutputCodec<TranslationResult> results = new OutputCodec<>(TranslationResult.getClassSchema());
    private RefusedResults refusals;
    private String deadLetterTopic;
    private boolean exactlyOnce;

    @Override
    public void configure(Map<String, ?> configs) {
        refusals = (RefusedResults) configs.get(RefusedResults.PROPERTY);
        deadLetterTopic = (String) configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
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
        String reason = "Kafka refused the result (" + record.value().length + " bytes) for " + record.topic() + ": "
                + exception.getClass().getSimpleName() + ": " + exception.getMessage();
        LOG.warn("request {}: {}; it is dead-lettered when processed again", result.getRequestId(), reason);
        refusals.refused(result.getRequestId(), reason);
        return exactlyOnce ? Response.resume() : Response.fail();
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
}
