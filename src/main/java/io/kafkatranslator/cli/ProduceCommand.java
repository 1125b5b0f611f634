package io.kafkatranslator.cli;

import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.schema.DecodingRequestOptions;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Sends one translation request, for trying the processor by hand. */
@Command(name = "produce", sortOptions = false, description = "Sends one translation request (Avro) to the input topic.")
final class ProduceCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Option(names = "--topic", paramLabel = "T", description = "the topic (default: processor.input.topic)")
    private String topic;

    @Option(names = "--conversation", paramLabel = "C", defaultValue = "cli", description = "the record key (default: ${DEFAULT-VALUE})")
    private String conversation;

    @Option(names = "--sender", paramLabel = "S", description = "who writes it: the conversation learns each sender's language and name")
    private String sender;

    @Option(names = "--message-id", paramLabel = "M", description = "the message's id, to edit or delete it later")
    private String messageId;

    @Option(names = "--operation", paramLabel = "OP", description = "EDIT or DELETE the message --message-id names")
    private String operation;

    @Option(names = "--tenant", paramLabel = "T", description = "whose glossary applies (default: the tenant default)")
    private String tenant;

    @Mixin
    private LanguageOptions.Detectable languages;

    @Mixin
    private FormalityOption formality;

    @Parameters(paramLabel = "TEXT", description = "the message to translate, such as \"Je suis étudiant.\"")
    private String text;

    @Override
    public Integer call() throws Exception {
        ProcessorConfig config = ProcessorConfig.from(configuration.source());
        String topic = this.topic == null ? config.inputTopic() : this.topic;
        // Null for auto: the processor detects it.
        String from = languages.sourceOrAuto();
        String to = languages.target();
        Formality asked = formality.asked();
        TranslationRequest request = TranslationRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setConversationId(conversation).setText(text).setSourceLanguage(from).setTargetLanguage(to)
                .setSender(sender).setMessageId(messageId).setOperation(operation).setTenant(tenant)
                .setClientTimestamp(Instant.now())
                .setOptions(asked == null ? null : DecodingRequestOptions.newBuilder().setFormality(asked.toString()).build())
                .build();
        config.bootstrapServers();
        TopicPreflight.ensure(config.kafka(), List.of(), List.of(topic), false, Duration.ofSeconds(15));
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
