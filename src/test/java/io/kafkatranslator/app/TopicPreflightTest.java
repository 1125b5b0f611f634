package io.kafkatranslator.app;

import io.kafkatranslator.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Missing topics and an unreachable cluster stop a command at startup, naming what is wrong. */
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
    void anUnreachableClusterIsSaidSoWithinTheTimeout() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TopicPreflight.ensure(
                Map.of("bootstrap.servers", "127.0.0.1:9"), List.of("requests"), List.of(), false, Duration.ofSeconds(2)));
        assertEquals("cannot reach Kafka at 127.0.0.1:9 within 2 s", e.getMessage());
    }
}
