package io.kafkatranslator.config;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a kafka.* setting may have: Kafka Streams' and its clients' own, also under the prefixes
 * Streams hands to one client (producer., main.consumer., …); topic.* settings go to the topics
 * Streams creates and are left to the broker to judge.
 */
final class KafkaSettings {
    private static final List<String> CLIENT_PREFIXES = List.of("main.consumer.", "restore.consumer.", "global.consumer.",
            "consumer.", "producer.", "admin.");
    private static final Set<String> NAMES = names();

    private KafkaSettings() {
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    /**
     * Null for a kafka.* key Kafka knows (or any other key); for one it does not, the nearest one it does
     * (kafka.-prefixed), or "" when none is near enough to be what was meant.
     */
    static String unknown(String key) {
        if (!key.startsWith(ProcessorConfig.KAFKA_PREFIX)) {
            return null;
        }
        String name = key.substring(ProcessorConfig.KAFKA_PREFIX.length());
        if (name.startsWith(StreamsConfig.TOPIC_PREFIX)) {
            return null;
        }
        String prefix = CLIENT_PREFIXES.stream().filter(name::startsWith).findFirst().orElse("");
        String bare = name.substring(prefix.length());
        if (NAMES.contains(bare)) {
            return null;
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String nearest = NAMES.stream().min(Comparator.comparingInt(n -> distance.apply(n, bare))).orElseThrow();
        return distance.apply(nearest, bare) <= Math.max(2, bare.length() / 4) ? ProcessorConfig.KAFKA_PREFIX + prefix + nearest : "";
    }
}
