package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.glossary.Glossary;
import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
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

/**
 * The tenants' glossaries (README, "Glossaries") as JSON lines: put and delete read them from stdin and
 * write them to the glossary topic; list reads the topic to its end and prints the terms in force.
 */
@Command(name = "glossary", sortOptions = false, description = {"Glossary terms as JSON lines: put and delete (stdin, one "
        + "{\"tenant\", \"pair\", \"term\", \"translation\"} a line; translation null: do not translate), or list."})
final class GlossaryCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Action { put, delete, list }

    @Mixin
    private ConfigOption configuration;

    @Parameters(paramLabel = "ACTION", description = "put, delete or list")
    private Action action;

    @Option(names = "--tenant", paramLabel = "T", description = "list: this tenant's terms only")
    private String tenant;

    @Override
    public Integer call() throws Exception {
        ProcessorConfig config = ProcessorConfig.from(configuration.source());
        config.bootstrapServers();
        String topic = config.glossaryTopic();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (action == Action.list) {
            TopicPreflight.ensure(config.kafka(), List.of(topic), List.of(), false, Duration.ofSeconds(30));
            list(config, topic).forEach((key, value) -> {
                if (tenant == null || Glossary.tenantOf(key).equals(tenant)) {
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
                String key = Glossary.key(field(entry, "tenant", Glossary.DEFAULT_TENANT), LanguagePair.parse(field(entry, "pair", null)),
                        field(entry, "term", null));
                String value = action == Action.delete ? null : JSON.createObjectNode()
                        .set("translation", entry.path("translation").isTextual() ? entry.get("translation") : null).toString();
                String problem = Glossary.problem(key, value);
                if (problem != null) {
                    throw new UsageException("line " + (sent + 1) + ": " + problem);
                }
                producer.send(new ProducerRecord<>(topic, key, value)).get();
                sent++;
            }
        }
        System.err.printf("%s %d term(s) on %s%n", action == Action.put ? "put" : "deleted", sent, topic);
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

    /** The topic read to its end: the latest value of each key, a tombstone taking it out. */
    private static Map<String, String> list(ProcessorConfig config, String topic) {
        Map<String, Object> settings = ProcessorConfig.clientSettings(config.kafka(), ConsumerConfig.configNames());
        Map<String, String> terms = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    // As the processors' stores take it: an invalid record changes nothing.
                    if (Glossary.problem(r.key(), r.value()) != null) {
                        continue;
                    }
                    if (r.value() == null) {
                        terms.remove(r.key());
                    } else {
                        terms.put(r.key(), r.value());
                    }
                }
            }
        }
        return terms;
    }

    private static String line(String key, String value) {
        String[] parts = key.split("\\|", 3);
        ObjectNode line = JSON.createObjectNode().put("tenant", parts[0]).put("pair", parts[1]).put("term", parts[2]);
        try {
            line.set("translation", JSON.readTree(value).get("translation"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return line.toString();
    }
}
