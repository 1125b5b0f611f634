package io.kafkatranslator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.policy.Correction;
import io.kafkatranslator.policy.PolicyTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the page's participants say of the default tenant's policy: a correction of a translation (to the
 * corrections topic, which the processor turns into a memory entry) and a term not to translate (to the glossary).
 */
final class PolicySender implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String correctionsTopic;
    private final String glossaryTopic;

    PolicySender(Map<String, Object> kafka, String correctionsTopic, String glossaryTopic) {
        this.producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer());
        this.correctionsTopic = correctionsTopic;
        this.glossaryTopic = glossaryTopic;
    }

    /** A correction as the corrections topic takes it (IllegalArgumentException: it is not one), once the broker has it. */
    Correction correct(JsonNode json) throws ExecutionException, InterruptedException, TimeoutException {
        Correction correction = Correction.parse(json.toString());
        JsonNode request = json.get("request_id");
        send(correctionsTopic, request == null || request.isNull() ? null : request.asText(), json.toString());
        return correction;
    }

    /** {"pair": "fr-en", "term": "..."}: the term kept as written from now on (IllegalArgumentException: not a term). */
    String keep(JsonNode json) throws ExecutionException, InterruptedException, TimeoutException {
        JsonNode pair = json.get("pair");
        JsonNode term = json.get("term");
        if (pair == null || !pair.isTextual() || term == null || !term.isTextual()) {
            throw new IllegalArgumentException("pair and term must be strings");
        }
        String key = PolicyTopic.GLOSSARY.key(null, LanguagePair.parse(pair.asText()), term.asText());
        String value = PolicyTopic.value(null);
        String problem = PolicyTopic.GLOSSARY.problem(key, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        send(glossaryTopic, key, value);
        return key;
    }

    private void send(String topic, String key, String value) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
