package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.policy.PolicyTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A tenants' policy topic (README, "Glossaries and translation memory") as JSON lines
 * {@code {"tenant", "pair", TEXT, "translation"}}: put and delete read them from stdin and write them to the topic;
 * list reads the topic to its end and prints the entries in force, as the processors' stores hold them.
 */
abstract class PolicyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Action { put, delete, list }

    private final PolicyTopic records;
    private final String textField;
    private final Function<ProcessorConfig, String> topicOf;

    @Mixin
    private ConfigOption configuration;

    @Parameters(paramLabel = "ACTION", description = "put, delete or list")
    private Action action;

    @Option(names = "--tenant", paramLabel = "T", description = "list: this tenant's entries only")
    private String tenant;

    /** textField: the name of the line's field that holds the key's text ("term", "source"). */
    PolicyCommand(PolicyTopic records, String textField, Function<ProcessorConfig, String> topicOf) {
        this.records = records;
        this.textField = textField;
        this.topicOf = topicOf;
    }

    @Override
    public Integer call() throws Exception {
        ProcessorConfig config = ProcessorConfig.from(configuration.source());
        config.bootstrapServers();
        String topic = topicOf.apply(config);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (action == Action.list) {
            TopicPreflight.ensure(config.kafka(), List.of(topic), List.of(), false, Duration.ofSeconds(30));
            list(config, topic).forEach((key, value) -> {
                if (tenant == null || PolicyTopic.tenantOf(key).equals(tenant)) {
                    out.println(line(key, value));
                }
            });
            return 0;
        }
        TopicPreflight.ensure(config.kafka(), List.of(), List.of(topic), false, Duration.ofSeconds(30));
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                ProcessorConfig.clientSettings(config.kafka(), ProducerConfig.configNames()), new StringSerializer(), new StringSerializer());
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(text);
                String key = records.key(field(entry, "tenant", PolicyTopic.DEFAULT_TENANT), LanguagePair.parse(field(entry, "pair", null)),
                        field(entry, textField, null));
                String value = action == Action.delete ? null
                        : PolicyTopic.value(entry.path("translation").isTextual() ? entry.get("translation").asText() : null);
                String problem = records.problem(key, value);
                if (problem != null) {
                    throw new UsageException("line " + (sent + 1) + ": " + problem);
                }
                producer.send(new ProducerRecord<>(topic, key, value)).get();
                sent++;
            }
        }
        System.err.printf("%s %d entr%s on %s%n", action == Action.put ? "put" : "deleted", sent, sent == 1 ? "y" : "ies", topic);
        return 0;
    }

    private static String field(JsonNode entry, String name, String defaultValue) {
        JsonNode v = entry.get(name);
        if (v == null || v.isNull()) {
            if (defaultValue == null) {
                throw new UsageException("each line needs \"" + name + "\"");
            }
            return defaultValue;
        }
        return v.asText();
    }

    /** The topic read to its end: the latest value of each store key, a tombstone taking it out. */
    private Map<String, String> list(ProcessorConfig config, String topic) {
        Map<String, Object> settings = ProcessorConfig.clientSettings(config.kafka(), ConsumerConfig.configNames());
        Map<String, String> entries = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    // As the processors' stores take it: an invalid record changes nothing.
                    if (records.problem(r.key(), r.value()) != null) {
                        continue;
                    }
                    if (r.value() == null) {
                        entries.remove(records.storeKey(r.key()));
                    } else {
                        entries.put(records.storeKey(r.key()), r.value());
                    }
                }
            }
        }
        return entries;
    }

    private String line(String key, String value) {
        String[] parts = key.split("\\|", 3);
        ObjectNode line = JSON.createObjectNode().put("tenant", parts[0]).put("pair", parts[1]).put(textField, parts[2]);
        return line.put("translation", PolicyTopic.translationOf(value)).toString();
    }
}
