package io.kafkatranslator.cli;

import io.kafkatranslator.app.EmbeddedProcessor;
import io.kafkatranslator.app.ReadCommitted;
import io.kafkatranslator.chat.ChatPage;
import io.kafkatranslator.config.ChatConfig;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.policy.PolicyTopic;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AlignmentCodec;
import io.kafkatranslator.topology.AvroSerde;
import io.kafkatranslator.topology.OutputCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The README's first command: a real Kafka broker in this JVM, the processor with the shipped
 * models, a conversation between alice (who writes French and reads English) and bob (the other
 * way round) with no language given (each message's is detected), a few other chat messages, their
 * translations with word alignments; then the live chat page with their conversation so far, until
 * Ctrl-C (or, with --exit, an orderly stop at once).
 */
@Command(name = "demo", sortOptions = false, description = {
        "A Kafka broker in this JVM, the processor, a few messages and their translations with alignments, then the live "
                + "chat page with that conversation until Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
    /**
     * writerLanguage: null where the client does not give it (the processor detects it); changes: for an edit or a
     * deletion, the index of the message it changes, else -1.
     */
    private record Message(String conversation, String writer, String readerLanguage, String text, String writerLanguage,
                           String operation, int changes) {
        Message(String conversation, String writer, String readerLanguage, String text) {
            this(conversation, writer, readerLanguage, text, null, null, -1);
        }

        Message(String conversation, String writer, String readerLanguage, String text, String writerLanguage) {
            this(conversation, writer, readerLanguage, text, writerLanguage, null, -1);
        }

        static Message edit(int index, String text) {
            Message m = MESSAGES_BEFORE_CHANGES.get(index);
            return new Message(m.conversation, m.writer, m.readerLanguage, text, m.writerLanguage, "EDIT", index);
        }

        static Message delete(int index) {
            Message m = MESSAGES_BEFORE_CHANGES.get(index);
            return new Message(m.conversation, m.writer, m.readerLanguage, "", m.writerLanguage, "DELETE", index);
        }
    }

    private static final List<Message> MESSAGES_BEFORE_CHANGES = List.of(
            new Message("alice-bob", "alice", "en", "Salut Bob ! Tu viens ce soir ?"),
            new Message("alice-bob", "bob", "fr", "Hi Alice! Yes, I will be there at 8."),
            new Message("alice-bob", "alice", "en", "Super ! Je suis étudiante et je n'ai pas de voiture."),
            new Message("alice-bob", "bob", "fr", "No problem, I can pick you up at the station."),
            // Lingua cannot tell this one (its words are French and English alike): a client that knows sends the language.
            new Message("alice-bob", "alice", "en",
                    "@bob Le train de 8h15 a 20 minutes de retard 😩\nRegarde https://www.sncf.com/fr/horaires stp.", "fr"),
            new Message("alice-bob", "bob", "fr", "OK 👍"),
            // Too short to detect: translated from French because alice has written French so far.
            new Message("alice-bob", "alice", "en", "Ok merci"),
            new Message("alice-bob", "alice", "en", "Je t'appelle demain matin."),
            new Message("carol", "carol", "en", "JE SUIS TRÈS EN COLÈRE !!!"),
            new Message("carol", "carol", "en", "J'aime beaucoup ce livre."),
            // The glossary's terms: a product name kept as written, a term given as the operator wants it.
            new Message("carol", "carol", "en", "J'ai perdu ma Carte Avantage hier."),
            new Message("carol", "carol", "en", "Je veux renouveler mon abonnement."),
            // The memory's approved answer to the support team's stock phrase, written differently.
            new Message("carol", "support", "en", "merci pour votre patience"),
            // Seen before in this conversation: the instance's cache answers, no model runs.
            new Message("carol", "carol", "en", "J'aime beaucoup ce livre."),
            new Message("carol", "carol", "en", "   "));
    private static final List<Message> MESSAGES = java.util.stream.Stream.concat(MESSAGES_BEFORE_CHANGES.stream(),
            java.util.stream.Stream.of(Message.edit(1, "Hi Alice! Yes, I will be there at 9."), Message.delete(7))).toList();

    @Mixin
    private ConfigOption configuration;

    @Option(names = "--exit", description = "stop once the translations are printed, without serving the page")
    private boolean exit;

    @Mixin
    private ChatPortOption port;

    @Override
    public Integer call() throws Exception {
        Main.requireInProcessBroker("demo");
        ConfigSource source = port.apply(configuration.source());
        if (!exit) {
            ChatPage.ensurePortFree(ChatConfig.from(source));
        }
        long start = System.nanoTime();
        System.out.println("Starting a single-node Kafka broker (KRaft) in this JVM, loading the models and starting the processor...");
        ShutdownSignal signal = new ShutdownSignal();
        try (EmbeddedProcessor embedded = EmbeddedProcessor.start(source, "kafka-translator-demo", DemoCommand::policy)) {
            System.out.println("Broker at " + embedded.bootstrapServers() + "; sending the sample messages...");
            produce(embedded.bootstrapServers(), embedded.config().inputTopic());
            consume(embedded.config());
            System.out.printf("%nAll %d messages answered in %.1f s.%n", MESSAGES.size(), (System.nanoTime() - start) / 1e9);
            if (!exit) {
                try (ChatPage page = ChatPage.start(ChatConfig.from(source), embedded.config(),
                        LanguageRouter.languages(embedded.pairs()), true)) {
                    ChatCommand.announce(page, start, "with alice and bob's conversation so far");
                    signal.await();
                }
            }
        } finally {
            signal.done();
        }
        System.out.println("Broker and processor stopped.");
        return 0;
    }

    /**
     * The default tenant's policy, written before the processor starts (README, "Glossaries and translation memory"):
     * a glossary of two terms and a memory of one message.
     */
    private static void policy(ProcessorConfig config) throws Exception {
        LanguagePair frEn = new LanguagePair("fr", "en");
        List<String[]> entries = List.of(
                new String[] {config.glossaryTopic(), PolicyTopic.GLOSSARY.key(null, frEn, "Carte Avantage"), PolicyTopic.value(null)},
                new String[] {config.glossaryTopic(), PolicyTopic.GLOSSARY.key(null, frEn, "abonnement"),
                        PolicyTopic.value("subscription plan")},
                new String[] {config.memoryTopic(), PolicyTopic.MEMORY.key(null, frEn, "Merci pour votre patience !"),
                        PolicyTopic.value("Thank you for your patience!")});
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", config.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String[] entry : entries) {
                producer.send(new ProducerRecord<>(entry[0], entry[1], entry[2])).get();
                System.out.printf("%s %s -> %s%n", entry[0], entry[1], entry[2]);
            }
        }
    }

    private static void produce(String bootstrap, String topic) throws Exception {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < MESSAGES.size(); i++) {
                Message m = MESSAGES.get(i);
                TranslationRequest request = TranslationRequest.newBuilder().setRequestId(m.writer() + "-" + i)
                        .setConversationId(m.conversation()).setText(m.text()).setSourceLanguage(m.writerLanguage())
                        .setTargetLanguage(m.readerLanguage()).setSender(m.writer())
                        .setMessageId(m.conversation() + "-" + (m.changes() < 0 ? i : m.changes())).setOperation(m.operation())
                        .setClientTimestamp(Instant.now()).build();
                producer.send(new ProducerRecord<>(topic, m.conversation(), serde.encode(request))).get();
                System.out.printf("sent     [%s] %s%n", m.writer(), m.operation() == null ? m.text()
                        : m.operation().toLowerCase(Locale.ROOT) + " of message " + request.getMessageId()
                        + (m.text().isEmpty() ? "" : ": " + m.text()));
            }
        }
    }

    private static void consume(ProcessorConfig config) throws IOException {
        OutputCodec<TranslationResult> results = new OutputCodec<>(TranslationResult.getClassSchema());
        OutputCodec<DeadLetter> deadLetters = new OutputCodec<>(DeadLetter.getClassSchema());
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = ReadCommitted.open(config.kafka(),
                List.of(config.outputTopic(), config.deadLetterTopic()), true)) {
            while (seen < MESSAGES.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    if (r.topic().equals(config.deadLetterTopic())) {
                        DeadLetter d = deadLetters.decode(r.value());
                        System.out.printf("%nrejected [%s] %s: %s (dead-letter topic %s)%n",
                                new String(r.key(), StandardCharsets.UTF_8), d.getReason(), d.getMessage(), r.topic());
                        continue;
                    }
                    TranslationResult t = results.decode(r.value());
                    String writer = t.getRequestId().substring(0, t.getRequestId().lastIndexOf('-'));
                    if (t.getDeleted()) {
                        System.out.printf("%n[%s] message %s deleted (version %d; a tombstone on %s)%n", writer,
                                t.getMessageId(), t.getVersion(), config.latestTopic());
                        continue;
                    }
                    if (t.getUntranslatedReason() != null) {
                        System.out.printf("%n[%s] %s%n  ->  returned as it is: %s%n", writer, t.getTranslation(),
                                t.getUntranslatedReason());
                        continue;
                    }
                    boolean low = t.getQuality() != null && t.getQuality().getLowConfidence();
                    String detected = t.getLanguageDetection() == null ? ""
                            : String.format(Locale.ROOT, " detected (lead %.2f)", t.getLanguageDetection().getConfidence());
                    String edited = t.getVersion() > 1 ? ", edit: version " + t.getVersion() + " of " + t.getMessageId() : "";
                    String origin = "MEMORY".equals(t.getOrigin()) ? ", from the translation memory"
                            : "CACHE".equals(t.getOrigin()) ? ", from the cache" : "";
                    String register = t.getFormality() == null ? ""
                            : ", " + ("formal".equals(t.getFormality()) ? "vous" : "tu") + " as the conversation says it";
                    String usual = t.getLanguageDetection() != null && t.getLanguageDetection().getLanguage() == null
                            ? " not detected, " + writer + "'s usual language" : "";
                    System.out.printf(Locale.ROOT, "%n[%s, %s%s%s -> %s%s%s] %s%n  ->  %s%n"
                                    + "  (%d sentence(s), %d protected span(s)%s; decoding %d ms, end to end %d ms)%n%s",
                            writer, t.getSourceLanguage(), usual.isEmpty() ? detected : "", usual, t.getTargetLanguage(), edited,
                            origin + register,
                            t.getSourceText(), t.getTranslation(),
                            t.getSegments().size(), t.getProtectedSpans().size(), low ? ", LOW CONFIDENCE" : "",
                            t.getTimings().getDecodingMs(), t.getTimings().getEndToEndMs(),
                            TextHeatmap.render(t.getSourceWords(), t.getTargetWords(), AlignmentCodec.wordMatrix(t)));
                }
            }
        }
        if (seen < MESSAGES.size()) {
            throw new IllegalStateException("only " + seen + " of " + MESSAGES.size() + " results arrived within 60 s");
        }
    }
}
