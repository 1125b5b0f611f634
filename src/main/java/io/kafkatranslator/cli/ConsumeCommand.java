package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkatranslator.app.ReadCommitted;
import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.DeadLetters;
import io.kafkatranslator.topology.JsonSerde;
import io.kafkatranslator.topology.OutputCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Results and dead letters as JSON lines, whichever format the processor writes (Avro or JSON): what
 * a person reads with a terminal, or pipes to jq. A dead letter whose original value is a request
 * this processor can read carries it decoded as "original_request".
 */
@Command(name = "consume", sortOptions = false, description = {"Results and dead letters (with their reasons) as JSON lines, "
        + "whichever format the processor writes."})
final class ConsumeCommand implements Callable<Integer> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    @Mixin
    private ConfigOption configuration;

    @Option(names = "--from-beginning", description = "from the topics' first records instead of new ones only")
    private boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "stop after N records (default: never)")
    private long max = Long.MAX_VALUE;

    private ProcessorConfig config;
    // Made when the command runs: picocli builds every command at every start, and these load Avro and Jackson.
    private OutputCodec<TranslationResult> results;
    private OutputCodec<DeadLetter> deadLetters;

    @Override
    public Integer call() throws Exception {
        config = ProcessorConfig.from(configuration.source());
        results = new OutputCodec<>(TranslationResult.getClassSchema());
        deadLetters = new OutputCodec<>(DeadLetter.getClassSchema());
        config.bootstrapServers();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        List<String> topics = List.of(config.outputTopic(), config.deadLetterTopic());
        TopicPreflight.ensure(config.kafka(), topics, List.of(), false, Duration.ofSeconds(30));
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = ReadCommitted.open(config.kafka(), topics, fromBeginning)) {
            while (printed < max) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(r));
                    if (++printed == max) {
                        break;
                    }
                }
                out.flush();
            }
        }
        return 0;
    }

    private String line(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode line = NODES.objectNode().put("topic", r.topic()).put("partition", r.partition()).put("offset", r.offset())
                .put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        try {
            if (r.value() == null) {
                line.putNull("value");
            } else if (r.topic().equals(config.deadLetterTopic())) {
                DeadLetter d = deadLetters.decode(r.value());
                line.set("value", JsonSerde.tree(d, DeadLetter.getClassSchema()));
                TranslationRequest original = DeadLetters.originalRequest(d);
                if (original != null) {
                    line.set("original_request", JsonSerde.tree(original, TranslationRequest.getClassSchema()));
                }
            } else {
                line.set("value", JsonSerde.tree(results.decode(r.value()), TranslationResult.getClassSchema()));
            }
        } catch (IOException | RuntimeException e) {
            line.put("error", "not a record of this processor: " + e.getMessage());
        }
        return line.toString();
    }
}
