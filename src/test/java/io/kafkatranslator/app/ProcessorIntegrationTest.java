package io.kafkatranslator.app;

import io.kafkatranslator.TypedChat;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.FrenchRegister;
import io.kafkatranslator.schema.DecodingRequestOptions;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AlignmentCodec;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor with the shipped model against a real Kafka broker (KRaft, in this JVM). */
class ProcessorIntegrationTest {
    private static final int REQUESTS = 1000;
    private static final int CONVERSATIONS = 25;
    /** A chat message: several sentences, a line break, an @mention, a URL, an emoji, numbers. */
    private static final String CHAT = "@marie Salut ! Le train de 8h15 a 20 minutes de retard 😩\nRegarde https://example.com/horaires?id=42 stp.";
    private static final List<String> CHAT_SPANS = List.of("@marie", "8h15", "20", "😩", "https://example.com/horaires?id=42");
    private static final List<String> SENTENCES = List.of("Je suis étudiant.", "Elle est en retard.", "Où est la gare ?",
            "Nous partons demain.", "Il fait beau.", "J'ai faim.", "Tu viens ce soir ?", "C'est mon livre.", CHAT, TypedChat.MESSAGE,
            "Merci pour ton aide.");
    /** The other side of the conversations, for the English → French model. */
    private static final List<String> ENGLISH = List.of("I am a student and I live in Paris.", "See you tomorrow at the station.",
            "Thank you very much for your help.", "We are leaving early in the morning.", "Can you send me your address?");
    /** Asked of the English requests whose source language is given, in turn. */
    private static final List<String> FORMALITIES = List.of("formal", "informal");

    @Test
    void everyRequestGetsExactlyOneMatchingResultInConversationOrder(@TempDir Path stateDir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            // A commit interval longer than the reader waits: results can only arrive because every
            // batch commits its own transaction.
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.state.dir", stateDir.toString(),
                    "kafka.num.stream.threads", "2", "kafka.commit.interval.ms", "600000",
                    "kafka.producer.transaction.timeout.ms", "600000", ProcessorConfig.HTTP_PORT.key(), "0")));
            broker.createTopics(config.newTopics(4));
            Map<String, TranslationRequest> sent = new HashMap<>();
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.defaults()), config)) {
                app.start();
                AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                        broker.bootstrapServers(), "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < REQUESTS; i++) {
                        String conversation = "conversation-" + (i * 7 % CONVERSATIONS);
                        TranslationRequest.Builder b = TranslationRequest.newBuilder().setRequestId(conversation + "/" + i)
                                .setConversationId(conversation).setText(SENTENCES.get(i % SENTENCES.size()));
                        // Interleaved in the same conversations: detected, same-language and undetectable requests.
                        if (i % 10 == 3) {
                            b.setSourceLanguage(null);
                        } else if (i % 10 == 1 || i % 10 == 8) {
                            // English to French, given or detected, between French to English requests of the same conversation.
                            b.setText(ENGLISH.get(i / 10 % ENGLISH.size())).setSourceLanguage(i % 10 == 1 ? "en" : null)
                                    .setTargetLanguage("fr");
                            if (i % 10 == 1) {
                                b.setOptions(DecodingRequestOptions.newBuilder().setFormality(FORMALITIES.get(i / 10 % 2)).build());
                            }
                        } else if (i % 10 == 6) {
                            b.setTargetLanguage("fr");
                        } else if (i % 100 == 9) {
                            b.setSourceLanguage(null).setText("lol");
                        }
                        TranslationRequest r = b.build();
                        sent.put(r.getRequestId(), r);
                        producer.send(new ProducerRecord<>(config.inputTopic(), conversation, serde.encode(r)));
                    }
                }
                List<TranslationResult> results = ResultsReader.readAll(broker.bootstrapServers(), config.outputTopic(), REQUESTS);
                for (TranslationResult result : results) {
                    TranslationRequest request = sent.get(result.getRequestId());
                    assertEquals(request.getConversationId(), result.getConversationId());
                    assertFalse(result.getTranslation().isBlank());
                    assertEquals(request.getText(), result.getSourceText(), "the message as written");
                    assertEquals(result.getTargetWords().size(), AlignmentCodec.wordMatrix(result).length);
                    if (request.getText().equals("lol")) {
                        assertEquals("LANGUAGE_NOT_DETECTED", result.getUntranslatedReason());
                        assertEquals("lol", result.getTranslation());
                        continue;
                    }
                    if (SENTENCES.contains(request.getText()) && request.getTargetLanguage().equals("fr")) {
                        assertEquals("SAME_LANGUAGE", result.getUntranslatedReason());
                        assertEquals(request.getText(), result.getTranslation());
                        continue;
                    }
                    assertEquals(null, result.getUntranslatedReason(), result.getTranslation());
                    String source = ENGLISH.contains(request.getText()) ? "en" : "fr";
                    assertEquals(source, result.getSourceLanguage(), "given or detected: " + request.getText());
                    assertEquals("tatoeba-" + source + "-" + request.getTargetLanguage() + "-gru-attention", result.getModelName());
                    assertEquals(request.getSourceLanguage() == null, result.getLanguageDetection() != null);
                    if (request.getOptions() != null && request.getText().contains("your")) {
                        String asked = request.getOptions().getFormality();
                        assertEquals(asked, result.getFormality());
                        assertEquals(asked.equals("formal") ? FrenchRegister.FORMAL : FrenchRegister.INFORMAL,
                                FrenchRegister.of(result.getTranslation()), asked + ": " + result.getTranslation());
                    }
                    if (request.getText().equals(TypedChat.MESSAGE)) {
                        TypedChat.assertWhole(result.getTranslation());
                    }
                    if (request.getText().equals(CHAT)) {
                        String t = result.getTranslation();
                        for (String span : CHAT_SPANS) {
                            assertEquals(t.indexOf(span), t.lastIndexOf(span), span + " once in " + t);
                            assertTrue(t.contains(span), span + " in " + t);
                        }
                        assertTrue(t.contains("\n"), "the line break is kept: " + t);
                        assertEquals(3, result.getSegments().size(), "three sentences: " + result.getSegments());
                        assertEquals(CHAT_SPANS.size(), result.getProtectedSpans().size());
                        assertTrue(result.getQuality() != null);
                    }
                }
                ResultsReader.assertExactlyOnceInOrder(results, sent.keySet(), "integration test");

                assertEquals(200, get(app.httpPort(), "/health/ready").statusCode());
                assertEquals(200, get(app.httpPort(), "/health/live").statusCode());
                String metrics = get(app.httpPort(), "/metrics").body();
                assertTrue(metrics.contains("translator_requests_total " + REQUESTS + ".0"), "requests counted");
                assertTrue(metrics.contains("translator_model_info{"), "model version exported");
                assertTrue(metrics.contains("kafka_stream_"), "Kafka Streams' own metrics bound");
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
