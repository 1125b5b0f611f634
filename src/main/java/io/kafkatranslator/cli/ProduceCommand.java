package io.kafkatranslator.cli;

import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Sends one translation request, for trying the processor by hand. */
final class ProduceCommand {
    private final ProcessorConfig config;
    private final String topic;
    private final String conversation;
    private final String text;
    /** Null for auto: the processor detects it. */
    private final String from;
    private final String to;

    ProduceCommand(ConfigSource source, List<String> argv) {
        List<String> options = argv.isEmpty() ? argv : argv.subList(0, argv.size() - 1);
        Args args = new Args(options, Set.of("--topic", "--conversation", "--from", "--to"), Set.of());
        if (argv.isEmpty() || argv.get(argv.size() - 1).startsWith("--")) {
            throw new Args.UsageException("produce needs the text to translate as its last argument");
        }
        this.config = ProcessorConfig.from(source);
        this.topic = args.get("--topic", config.inputTopic());
        this.conversation = args.get("--conversation", "cli");
        this.text = argv.get(argv.size() - 1);
        this.from = args.from();
        this.to = args.to();
    }

    int run() throws Exception {
        TranslationRequest request = TranslationRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setConversationId(conversation).setText(text).setSourceLanguage(from).setTargetLanguage(to)
                .setClientTimestamp(Instant.now()).build();
        config.bootstrapServers();
        TopicPreflight.ensure(config.kafka(), List.of(topic), false, Duration.ofSeconds(15));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                ProcessorConfig.clientSettings(config.kafka(), ProducerConfig.configNames()), new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata m = producer.send(new ProducerRecord<>(topic, conversation,
                    new AvroSerde<TranslationRequest>(TranslationRequest.getClassSchema()).encode(request))).get();
            System.out.printf("sent request %s (conversation %s) to %s-%d at offset %d%n", request.getRequestId(),
                    conversation, m.topic(), m.partition(), m.offset());
        }
        return 0;
    }
}
