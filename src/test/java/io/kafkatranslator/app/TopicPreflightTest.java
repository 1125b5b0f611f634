package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Missing topics, topics too small for the results and an unreachable cluster stop a command at startup, naming what is wrong. */
class TopicPreflightTest {

    @Test
    void missingTopicsAreNamedOrCreatedWhenAsked() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            broker.createTopics(Map.of("chat-results", 1));
            Map<String, String> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
            List<String> topics = List.of("chat-requests", "chat-results", "chat-dead-letters");
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> TopicPreflight.ensure(kafka, topics, List.of(), false, Duration.ofSeconds(30)));
            assertEquals("missing topic(s) on " + broker.bootstrapServers() + ": chat-requests, chat-dead-letters"
                    + " (create them, or set processor.create.topics=true for development)", missing.getMessage());
            TopicPreflight.ensure(kafka, topics, List.of(), true, Duration.ofSeconds(30));
            TopicPreflight.ensure(kafka, topics, List.of(), false, Duration.ofSeconds(30));
        }
    }

    @Test
    void aTopicThatRefusesRecordsOfTheResultBudgetIsNamed() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("results", 1, (short) 1).configs(Map.of("max.message.bytes", "16384")),
                    new NewTopic("dead-letters", 1, (short) 1))).all().get();
            Map<String, String> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
            IllegalStateException small = assertThrows(IllegalStateException.class, () -> TopicPreflight.ensureAccepts(kafka,
                    List.of("results", "dead-letters"), 524_288, "processor.result.max.bytes", Duration.ofSeconds(30)));
            assertEquals("results takes records of at most 16384 bytes (max.message.bytes), below processor.result.max.bytes "
                    + "(524288): raise the topic's limit or lower processor.result.max.bytes", small.getMessage());
            TopicPreflight.ensureAccepts(kafka, List.of("results", "dead-letters"), 16_384, "processor.result.max.bytes",
                    Duration.ofSeconds(30));
        }
    }

    @Test
    void anUnreachableClusterIsSaidSoWithinTheTimeout() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TopicPreflight.ensure(
                Map.of("bootstrap.servers", "127.0.0.1:9"), List.of("requests"), List.of(), false, Duration.ofSeconds(2)));
        assertEquals("cannot reach Kafka at 127.0.0.1:9 within 2 s", e.getMessage());
    }
}
