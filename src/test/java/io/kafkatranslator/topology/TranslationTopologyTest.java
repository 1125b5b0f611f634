package io.kafkatranslator.topology;

import io.kafkatranslator.TypedChat;
import io.kafkatranslator.language.FrenchRegister;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.engine.Alignments;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.DecodingRequestOptions;
import io.kafkatranslator.schema.Segment;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.route.BatchTranslator;
import io.kafkatranslator.route.EngineBatchTranslator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslationTopologyTest {
    private static final AvroSerde<TranslationRequest> REQUESTS = new AvroSerde<>(TranslationRequest.getClassSchema());
    private static final AvroSerde<TranslationResult> RESULTS = new AvroSerde<>(TranslationResult.getClassSchema());
    private static final AvroSerde<DeadLetter> DEAD = new AvroSerde<>(DeadLetter.getClassSchema());

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private static final LanguagePair FR_EN = new LanguagePair("fr", "en");
    private static final LanguagePair EN_FR = new LanguagePair("en", "fr");
    /** An English message that addresses its reader: French says it with tu or vous. */
    private static final String REGISTER_PROBE = "Can you send me your address?";
    private FakeTranslator fake;
    private FakeTranslator fakeEnFr;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, TranslationResult> output;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;
    private TestOutputTopic<String, TranslationResult> latest;

    private void start(Map<String, String> settings) {
        fake = new FakeTranslator("fake-fr-en", true);
        fakeEnFr = new FakeTranslator("fake-en-fr", false);
        start(settings, () -> Map.of(FR_EN, fake, EN_FR, fakeEnFr));
    }

    private void start(Map<String, String> settings, Supplier<Map<LanguagePair, BatchTranslator>> translators) {
        Map<String, String> all = new LinkedHashMap<>(Map.of(ProcessorConfig.BATCH_MAX_REQUESTS.key(), "4",
                ProcessorConfig.BATCH_MAX_TOKENS.key(), "20", ProcessorConfig.BATCH_MAX_WAIT_MS.key(), "50"));
        all.putAll(settings);
        ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(all));
        RefusedResults refusals = new RefusedResults();
        Properties props = TranslationTopology.streamsProperties(config, refusals);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Set<LanguagePair> pairs = translators.get().keySet();
        LanguageRouter router = new LanguageRouter(pairs, new LanguageDetector(LanguageRouter.languages(pairs),
                TranslatorConfig.defaults().detectionMargin()));
        driver = new TopologyTestDriver(TranslationTopology.build(config, router, TranslatorConfig.defaults().decoding(),
                translators, refusals, io.kafkatranslator.metrics.TranslationMetrics.NONE), props);
        input = driver.createInputTopic(config.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(config.outputTopic(), new StringDeserializer(), RESULTS.deserializer());
        deadLetters = driver.createOutputTopic(config.deadLetterTopic(), new ByteArrayDeserializer(), DEAD.deserializer());
        latest = driver.createOutputTopic(config.latestTopic(), new StringDeserializer(), RESULTS.deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private static TranslationRequest request(String id, String conversation, String text) {
        return TranslationRequest.newBuilder().setRequestId(id).setConversationId(conversation).setText(text).build();
    }

    private static TranslationRequest request(String id, String conversation, String text, String from, String to) {
        return TranslationRequest.newBuilder(request(id, conversation, text)).setSourceLanguage(from).setTargetLanguage(to).build();
    }

    private static TranslationRequest withOptions(TranslationRequest r, Integer beam, Integer nbest) {
        return TranslationRequest.newBuilder(r).setOptions(DecodingRequestOptions.newBuilder()
                .setBeamSize(beam).setNbest(nbest).build()).build();
    }

    private static TranslationRequest withFormality(TranslationRequest r, String formality) {
        return TranslationRequest.newBuilder(r).setOptions(DecodingRequestOptions.newBuilder().setFormality(formality).build()).build();
    }

    private void send(TranslationRequest r) {
        input.pipeInput(r.getConversationId().getBytes(StandardCharsets.UTF_8), REQUESTS.encode(r));
    }

    @Test
    void batchIsTranslatedWhenItReachesMaxRequests() {
        start(Map.of());
        for (int i = 0; i < 3; i++) {
            send(request("r" + i, "c", "bonjour"));
        }
        assertTrue(output.isEmpty(), "three requests wait for a fourth");
        send(request("r3", "c", "bonjour"));
        assertEquals(4, output.readValuesToList().size());
        assertEquals(List.of(4), fake.batchSizes);
    }

    @Test
    void aRepeatedMessageIsAnsweredFromTheCacheUnlessItsOptionsOrTheCacheSizeSayOtherwise() {
        start(Map.of());
        send(request("r0", "c", "bonjour", "fr", "en"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        send(request("r1", "c", "bonjour", "fr", "en"));
        send(withOptions(request("r2", "c", "bonjour", "fr", "en"), 1, null));
        send(request("r3", "c", "Bonjour", "fr", "en"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        assertEquals(List.of("BONJOUR", "BONJOUR", "BONJOUR", "BONJOUR"),
                output.readValuesToList().stream().map(TranslationResult::getTranslation).toList());
        assertEquals(List.of(1, 1, 1), fake.batchSizes, "r1 came from the cache; greedy search and another case are other "
                + "keys (and other model calls, the options differing)");
        stop();
        start(Map.of(ProcessorConfig.CACHE_SIZE.key(), "0"));
        send(request("r0", "c", "bonjour", "fr", "en"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        send(request("r1", "c", "bonjour", "fr", "en"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        assertEquals(List.of(1, 1), fake.batchSizes, "no cache: translated twice");
    }

    @Test
    void batchIsTranslatedWhenItReachesTheTokenBudget() {
        start(Map.of());
        send(request("r0", "c", "un deux trois quatre cinq six sept huit neuf dix"));
        assertTrue(output.isEmpty());
        send(request("r1", "c", "un deux trois quatre cinq six sept huit neuf dix"));
        assertEquals(2, output.readValuesToList().size());
        assertEquals(List.of(2), fake.batchSizes);
    }

    @Test
    void batchIsTranslatedWhenItsOldestRequestHasWaitedMaxWait() {
        start(Map.of());
        send(request("r0", "c", "bonjour"));
        driver.advanceWallClockTime(Duration.ofMillis(20));
        assertTrue(output.isEmpty(), "20 ms is less than the 50 ms wait");
        driver.advanceWallClockTime(Duration.ofMillis(40));
        TranslationResult result = output.readValue();
        assertEquals("BONJOUR", result.getTranslation());
        assertEquals("r0", result.getRequestId());
    }

    @Test
    void resultsKeepTheOrderOfEachConversationAndAreKeyedByIt() {
        start(Map.of());
        List<String> conversations = List.of("a", "b", "c");
        for (int i = 0; i < 30; i++) {
            String c = conversations.get(i % 3 == 0 ? 0 : (i % 2 == 0 ? 1 : 2));
            send(request(c + "-" + i, c, "message " + i));
        }
        driver.advanceWallClockTime(Duration.ofMillis(100));
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        for (KeyValue<String, TranslationResult> kv : output.readKeyValuesToList()) {
            assertEquals(kv.key, kv.value.getConversationId());
            seen.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(Integer.parseInt(kv.value.getRequestId().split("-")[1]));
        }
        assertEquals(30, seen.values().stream().mapToInt(List::size).sum());
        seen.values().forEach(ids -> assertEquals(ids.stream().sorted().toList(), ids));
    }

    @Test
    void twoPairsInterleavedInOneConversationKeepTheirOrderAndNeverShareAModelCall() {
        start(Map.of());
        send(request("r0", "c", "Bonjour", "fr", "en"));
        send(request("r1", "c", "Hello", "en", "fr"));
        send(request("r2", "c", "Merci", "fr", "en"));
        send(request("r3", "c", "Thanks", "en", "fr"));
        List<TranslationResult> results = output.readValuesToList();
        assertEquals(List.of("r0", "r1", "r2", "r3"), results.stream().map(TranslationResult::getRequestId).toList());
        assertEquals(List.of("BONJOUR", "hello", "MERCI", "thanks"), results.stream().map(TranslationResult::getTranslation).toList());
        assertEquals(List.of("fake-fr-en", "fake-en-fr", "fake-fr-en", "fake-en-fr"),
                results.stream().map(TranslationResult::getModelName).toList());
        assertEquals(List.of(2), fake.batchSizes);
        assertEquals(List.of(2), fakeEnFr.batchSizes);
    }

    @Test
    void aMessageWithoutItsLanguageGoesToTheModelOfTheDetectedOneOrComesBackAsItIsWithTheReason() {
        start(Map.of());
        send(request("d0", "c", "Je suis étudiant et j'aime beaucoup ce livre.", null, "en"));
        send(request("d1", "c", "I am a student and I like this book a lot.", null, "fr"));
        send(request("d2", "c", "lol", null, "en"));
        send(request("d3", "c", "Je suis étudiant.", "fr", "fr"));
        List<TranslationResult> results = output.readValuesToList();
        assertEquals(List.of("JE SUIS ÉTUDIANT ET J'AIME BEAUCOUP CE LIVRE.", "i am a student and i like this book a lot.",
                "lol", "Je suis étudiant."), results.stream().map(TranslationResult::getTranslation).toList());
        assertEquals(Arrays.asList("fr", "en", null, "fr"), results.stream().map(TranslationResult::getSourceLanguage).toList());
        assertEquals(Arrays.asList(null, null, "LANGUAGE_NOT_DETECTED", "SAME_LANGUAGE"),
                results.stream().map(TranslationResult::getUntranslatedReason).toList());
        assertEquals("fr", results.get(0).getLanguageDetection().getLanguage());
        assertTrue(results.get(0).getLanguageDetection().getConfidence() >= TranslatorConfig.defaults().detectionMargin());
        assertEquals(null, results.get(2).getLanguageDetection().getLanguage(), "not guessed");
        assertEquals(null, results.get(3).getLanguageDetection(), "the language was given");
        assertEquals("", results.get(3).getModelName(), "no model ran");
        assertEquals(List.of(1), fake.batchSizes);
        assertEquals(List.of(1), fakeEnFr.batchSizes);
    }

    private static TranslationRequest from(String sender, String id, String text, String to) {
        return TranslationRequest.newBuilder(request(id, "c", text, null, to)).setSender(sender).build();
    }

    private static TranslationRequest message(String messageId, String operation, String text) {
        return TranslationRequest.newBuilder(request(messageId + "-" + operation, "c", text, "fr", "en"))
                .setMessageId(messageId).setOperation(operation).build();
    }

    @Test
    void aMessageTooShortToDetectIsTranslatedFromItsSendersUsualLanguageWhichChangesOnlyAfterTwoMessagesInAnother() {
        start(Map.of());
        send(from("alice", "a0", "Je suis étudiant et j'aime beaucoup ce livre.", "en"));
        send(from("alice", "a1", "lol", "en"));
        send(from("bob", "b0", "lol", "en"));
        send(from("alice", "a2", "I am a student and I like this book a lot.", "en"));
        send(from("alice", "a3", "lol", "en"));
        send(from("alice", "a4", "I read this book every evening before I go to sleep.", "en"));
        send(from("alice", "a5", "lol", "en"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<TranslationResult> results = output.readValuesToList();
        assertEquals(List.of("a0", "a1", "b0", "a2", "a3", "a4", "a5"), results.stream().map(TranslationResult::getRequestId).toList());
        TranslationResult a1 = results.get(1);
        assertEquals(List.of("LOL", "fr", "fr", "alice"), Arrays.asList(a1.getTranslation(), a1.getSourceLanguage(),
                a1.getParticipantLanguage(), a1.getSender()), "alice writes French: her 'lol' is translated from French");
        assertEquals(null, a1.getLanguageDetection().getLanguage(), "the message itself could not be told");
        assertEquals(Arrays.asList("LANGUAGE_NOT_DETECTED", null), Arrays.asList(results.get(2).getUntranslatedReason(),
                results.get(2).getParticipantLanguage()), "bob has shown no language yet");
        assertEquals(List.of("LOL", "fr"), List.of(results.get(4).getTranslation(), results.get(4).getParticipantLanguage()),
                "one English message does not make alice English");
        assertEquals(Arrays.asList("lol", "en", "SAME_LANGUAGE"), Arrays.asList(results.get(6).getTranslation(),
                results.get(6).getParticipantLanguage(), results.get(6).getUntranslatedReason()), "two in a row do");
    }

    @Test
    void anEditIsTranslatedAgainWithAHigherVersionAndADeletionSaysSoAndIsATombstoneOnTheLatestTopic() {
        start(Map.of());
        send(message("m1", null, "Bonjour"));
        send(message("m1", "EDIT", "Bonsoir"));
        send(request("plain", "c", "Merci", "fr", "en"));
        send(message("m1", "DELETE", ""));
        send(TranslationRequest.newBuilder(request("bad", "c", "Salut", "fr", "en")).setOperation("EDIT").build());
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<TranslationResult> results = output.readValuesToList();
        assertEquals(List.of("BONJOUR", "BONSOIR", "MERCI", ""), results.stream().map(TranslationResult::getTranslation).toList());
        assertEquals(List.of(1, 2, 0, 3), results.stream().map(TranslationResult::getVersion).toList());
        assertEquals(Arrays.asList("CREATE", "EDIT", null, "DELETE"), results.stream().map(TranslationResult::getOperation).toList());
        assertEquals(List.of(false, false, false, true), results.stream().map(TranslationResult::getDeleted).toList());
        List<KeyValue<String, TranslationResult>> latestResults = latest.readKeyValuesToList();
        assertEquals(List.of("m1", "m1", "m1"), latestResults.stream().map(kv -> kv.key).toList(), "only messages with an id");
        assertEquals("BONSOIR", latestResults.get(1).value.getTranslation());
        assertEquals(null, latestResults.get(2).value, "the deletion is a tombstone: compaction forgets the message");
        DeadLetter dead = deadLetters.readValue();
        assertEquals(ErrorCode.INVALID_REQUEST.name(), dead.getReason());
        assertEquals("EDIT needs the message_id of the message it changes", dead.getMessage());
    }

    @Test
    void aConversationIdleForTheConfiguredTimeIsForgotten() {
        start(Map.of(io.kafkatranslator.config.ProcessorConfig.CONVERSATION_IDLE_MS.key(), "60000"));
        send(from("alice", "a0", "Je suis étudiant et j'aime beaucoup ce livre.", "en"));
        send(TranslationRequest.newBuilder(message("m1", null, "Bonjour")).setSender("alice").build());
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        send(from("alice", "a1", "lol", "en"));
        driver.advanceWallClockTime(Duration.ofSeconds(90));
        send(from("alice", "a2", "lol", "en"));
        send(message("m1", "EDIT", "Bonsoir"));
        // The requests' own timestamps stayed two minutes back: read as a backlog, their batch waits four times longer.
        driver.advanceWallClockTime(Duration.ofMillis(300));
        List<TranslationResult> results = output.readValuesToList();
        assertEquals(List.of("fr", "fr"), List.of(results.get(1).getParticipantLanguage(), results.get(2).getParticipantLanguage()),
                "30 s is not idle");
        assertEquals(Arrays.asList(null, "LANGUAGE_NOT_DETECTED"), Arrays.asList(results.get(3).getParticipantLanguage(),
                results.get(3).getUntranslatedReason()), "after 90 s more, a minute of idle time, alice is forgotten");
        assertEquals(1, results.get(4).getVersion(), "and so are the message versions");
    }

    @Test
    void everyBadRecordLandsInTheDeadLettersWithItsReasonAndTheGoodOnesAroundItAreTranslated() {
        start(Map.of());
        byte[] good = REQUESTS.encode(request("good-1", "c", "bonjour"));
        byte[] truncated = Arrays.copyOf(good, good.length - 4);
        byte[] unknownFingerprint = good.clone();
        unknownFingerprint[5] ^= 0x5A;
        byte[] invalidUtf8 = REQUESTS.encode(request("u", "c", "bonXjour"));
        for (int i = invalidUtf8.length - 1; i >= 0; i--) {
            if (invalidUtf8[i] == 'X') {
                invalidUtf8[i] = (byte) 0xFF;
                break;
            }
        }
        byte[] randomBytes = new byte[64];
        new Random(7).nextBytes(randomBytes);
        List<KeyValue<String, byte[]>> records = List.of(
                KeyValue.pair("good-1", good),
                KeyValue.pair("UNDECODABLE", randomBytes),
                KeyValue.pair("UNDECODABLE", truncated),
                KeyValue.pair("UNKNOWN_SCHEMA", unknownFingerprint),
                KeyValue.pair("NULL_VALUE", null),
                KeyValue.pair("UNDECODABLE", "{\"request_id\":\"j\",\"conversation_id\":\"c\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
                KeyValue.pair("EMPTY_TEXT", REQUESTS.encode(request("e", "c", "  "))),
                KeyValue.pair("CONTROL_CHARACTER", REQUESTS.encode(request("x", "c", "bon\u0000jour"))),
                KeyValue.pair("INVALID_UNICODE", invalidUtf8),
                KeyValue.pair("UNSUPPORTED_LANGUAGE_PAIR", REQUESTS.encode(TranslationRequest.newBuilder(request("l", "c", "hola"))
                        .setSourceLanguage("es").build())),
                KeyValue.pair("INVALID_REQUEST", REQUESTS.encode(request("", "c", "bonjour"))),
                KeyValue.pair("INVALID_REQUEST", REQUESTS.encode(request("xx", "c", "bonjour", "french", "en"))),
                KeyValue.pair("UNSUPPORTED_LANGUAGE_PAIR", REQUESTS.encode(request("de", "c", "Guten Tag", null, "de"))),
                KeyValue.pair("TEXT_TOO_LONG", REQUESTS.encode(request("f", "c", "FAIL"))),
                // n-best without a beam size must fit the default beam (5): the request check and the engine share one rule.
                KeyValue.pair("INVALID_REQUEST", REQUESTS.encode(withOptions(request("o", "c", "bonjour"), null, 8))),
                KeyValue.pair("INVALID_REQUEST", REQUESTS.encode(withOptions(request("p", "c", "bonjour"), 17, null))),
                KeyValue.pair("INVALID_REQUEST", REQUESTS.encode(TranslationRequest.newBuilder(request("q", "c", "bonjour"))
                        .setOptions(DecodingRequestOptions.newBuilder().setFormality("polite").build()).build())),
                KeyValue.pair("TRANSLATION_FAILED", REQUESTS.encode(request("b", "c", "BREAK"))),
                KeyValue.pair("good-2", REQUESTS.encode(request("good-2", "c", "au revoir"))));
        for (KeyValue<String, byte[]> r : records) {
            input.pipeInput(r.key.getBytes(StandardCharsets.UTF_8), r.value);
        }
        input.pipeInput(null, REQUESTS.encode(request("k", "c", "bonjour")));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        assertEquals(List.of("BONJOUR", "AU REVOIR"), output.readValuesToList().stream().map(TranslationResult::getTranslation).toList());
        var deadRecords = deadLetters.readRecordsToList();
        for (var r : deadRecords) {
            assertEquals(r.value().getReason(), new String(r.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                    StandardCharsets.UTF_8), "the reason is also a header");
        }
        List<KeyValue<byte[], DeadLetter>> dead = deadRecords.stream().map(r -> KeyValue.pair(r.key(), r.value())).toList();
        List<String> expectedReasons = new ArrayList<>(records.stream().map(r -> r.key).filter(k -> !k.startsWith("good")).toList());
        expectedReasons.add(ErrorCode.NULL_KEY.name());
        // A translation failure is found when its batch is translated, after the records rejected on arrival.
        assertEquals(expectedReasons.stream().sorted().toList(), dead.stream().map(kv -> kv.value.getReason()).sorted().toList());
        for (KeyValue<byte[], DeadLetter> kv : dead.stream().filter(kv -> kv.key != null).toList()) {
            DeadLetter d = kv.value;
            assertEquals(d.getReason(), new String(kv.key, StandardCharsets.UTF_8), "the original key is kept");
            assertTrue(!d.getMessage().isBlank());
            assertEquals("translation-requests", d.getSourceTopic());
            byte[] original = records.get((int) d.getSourceOffset()).value;
            assertEquals(original == null ? null : java.nio.ByteBuffer.wrap(original), d.getOriginalValue(),
                    "the original value and its offset are kept");
        }
    }

    @Test
    void aParticipantsNameIsKeptInTheLaterMessagesOfTheirConversationThroughTheRealEngine() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"))) {
            start(Map.of(), () -> Map.of(FR_EN, new EngineBatchTranslator(engine)));
            send(TranslationRequest.newBuilder(request("p1", "with-pierre", "Salut !")).setSender("pierre").build());
            send(TranslationRequest.newBuilder(request("p2", "with-pierre", "Je m'appelle Rose.")).setSender("U1").build());
            send(TranslationRequest.newBuilder(request("m1", "with-pierre", "Pierre est là.")).setSender("marie").build());
            send(TranslationRequest.newBuilder(request("m2", "with-pierre", "Rose arrive demain.")).setSender("marie").build());
            driver.advanceWallClockTime(Duration.ofMillis(300));
            Map<String, String> out = new LinkedHashMap<>();
            output.readValuesToList().forEach(r -> out.put(r.getRequestId(), r.getTranslation()));
            assertTrue(out.get("m1").matches("Pierre\\b.*"), out.get("m1"));
            assertTrue(out.get("m2").matches("Rose\\b.*"), out.get("m2"));
        }
    }

    @Test
    void anEnglishMessageIsTranslatedInTheRegisterAskedOrElseInTheOneItsConversationsFrenchSpeakersUse() {
        try (TranslationEngine frEn = TranslationEngine.load(TranslatorConfig.defaults(), FR_EN);
             TranslationEngine enFr = TranslationEngine.load(TranslatorConfig.defaults(), EN_FR)) {
            start(Map.of(), () -> Map.of(FR_EN, new EngineBatchTranslator(frEn), EN_FR, new EngineBatchTranslator(enFr)));
            TranslationRequest question = request("formal", "c1", REGISTER_PROBE, "en", "fr");
            send(withFormality(question, "formal"));
            send(withFormality(TranslationRequest.newBuilder(question).setRequestId("informal").build(), "informal"));
            send(TranslationRequest.newBuilder(request("alice", "c2", "Tu as reçu mon message ?", "fr", "en")).setSender("alice").build());
            send(TranslationRequest.newBuilder(request("bob", "c2", REGISTER_PROBE, "en", "fr")).setSender("bob").build());
            send(withFormality(TranslationRequest.newBuilder(question).setRequestId("to-english").setConversationId("c2")
                    .setText("Tu as reçu mon message ?").setSourceLanguage("fr").setTargetLanguage("en").build(), "formal"));
            driver.advanceWallClockTime(Duration.ofMillis(300));
            Map<String, TranslationResult> out = new LinkedHashMap<>();
            output.readValuesToList().forEach(r -> out.put(r.getRequestId(), r));
            assertEquals(FrenchRegister.FORMAL, FrenchRegister.of(out.get("formal").getTranslation()), out.get("formal").getTranslation());
            assertEquals("formal", out.get("formal").getFormality());
            assertEquals(FrenchRegister.INFORMAL, FrenchRegister.of(out.get("informal").getTranslation()), out.get("informal").getTranslation());
            assertEquals(FrenchRegister.INFORMAL, FrenchRegister.of(out.get("bob").getTranslation()),
                    "alice says tu: " + out.get("bob").getTranslation());
            assertEquals("informal", out.get("bob").getFormality());
            assertNull(out.get("to-english").getFormality(), "English has no register to ask for");
        }
    }

    @Test
    void aGlossaryTermAddedWhileTheProcessorRunsIsHonouredInTheNextMessageOfItsTenantOnly() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"))) {
            start(Map.of(), () -> Map.of(FR_EN, new EngineBatchTranslator(engine)));
            TestInputTopic<String, String> glossary = driver.createInputTopic(
                    ProcessorConfig.from(ConfigSource.of(Map.of())).glossaryTopic(),
                    new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer());
            TranslationRequest expired = TranslationRequest.newBuilder(request("t1", "c", "Mon abonnement est expiré."))
                    .setTenant("acme").build();
            send(expired);
            glossary.pipeInput("acme|fr-en|abonnement", "{\"translation\": \"subscription plan\"}");
            glossary.pipeInput("not a glossary key", "{}");
            send(TranslationRequest.newBuilder(expired).setRequestId("t2").build());
            send(TranslationRequest.newBuilder(expired).setRequestId("t3").setTenant(null).build());
            glossary.pipeInput("acme|fr-en|abonnement", (String) null);
            send(TranslationRequest.newBuilder(expired).setRequestId("t4").build());
            driver.advanceWallClockTime(Duration.ofMillis(300));
            Map<String, String> out = new LinkedHashMap<>();
            Map<String, Long> versions = new LinkedHashMap<>();
            output.readValuesToList().forEach(r -> {
                out.put(r.getRequestId(), r.getTranslation());
                versions.put(r.getRequestId(), r.getPolicyVersion());
            });
            assertEquals(Map.of("t1", 0L, "t2", 1L, "t3", 0L, "t4", 3L), versions,
                    "each result names the glossary it had: none, the term (offset 0), none (default tenant), its deletion (offset 2)");
            assertFalse(out.get("t1").contains("subscription plan"), out.get("t1"));
            assertEquals("My subscription plan is expired.", out.get("t2"));
            assertFalse(out.get("t3").contains("subscription plan"), "the default tenant has no such term: " + out.get("t3"));
            assertFalse(out.get("t4").contains("subscription plan"), "the term was deleted: " + out.get("t4"));
        }
    }

    @Test
    void aTermTheTranslationDoesNotRenderAsRequiredIsFlaggedInTheResult() {
        start(Map.of());
        var strings = new org.apache.kafka.common.serialization.StringSerializer();
        TestInputTopic<String, String> glossary = driver.createInputTopic(
                ProcessorConfig.from(ConfigSource.of(Map.of())).glossaryTopic(), strings, strings);
        glossary.pipeInput("acme|fr-en|bonjour", "{\"translation\": \"hello\"}");
        glossary.pipeInput("acme|fr-en|le monde", "{\"translation\": null}");
        // The fake translator knows no glossary: it upper-cases "bonjour" and "le monde" alike.
        send(TranslationRequest.newBuilder(request("g1", "c", "bonjour le  monde", "fr", "en")).setTenant("acme").build());
        send(request("g2", "c", "bonjour le monde", "fr", "en"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<TranslationResult> results = output.readValuesToList();
        assertEquals(List.of("bonjour"), results.get(0).getUnhonouredTerms(), "'LE  MONDE' keeps the words as written, any case");
        assertEquals(List.of(), results.get(1).getUnhonouredTerms(), "the default tenant has no terms");
    }

    @Test
    void theMemoryAndTheCorrectionsAnswerTheirTenantsMessagesWithoutTheModelAlignedByItAndTheCacheAnswersRepeats() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"))) {
            start(Map.of(), () -> Map.of(FR_EN, new EngineBatchTranslator(engine)));
            ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(Map.of()));
            var strings = new org.apache.kafka.common.serialization.StringSerializer();
            TestInputTopic<String, String> memory = driver.createInputTopic(config.memoryTopic(), strings, strings);
            TestInputTopic<String, String> corrections = driver.createInputTopic(config.correctionsTopic(), strings, strings);
            TestOutputTopic<String, String> memoryWrites = driver.createOutputTopic(config.memoryTopic(),
                    new StringDeserializer(), new StringDeserializer());
            // Written by hand, as kcat would: the key's source as typed, not normalised.
            memory.pipeInput("acme|fr-en|Super !", "{\"translation\": \"Great!\"}");
            send(TranslationRequest.newBuilder(request("m1", "c", "super", "fr", "en")).setTenant("acme").build());
            send(request("d1", "c", "Super !", "fr", "en"));
            corrections.pipeInput("r-7", "{\"tenant\": \"acme\", \"source_language\": \"fr\", \"target_language\": \"en\", "
                    + "\"source_text\": \"Je reviens vers vous rapidement.\", \"translation\": \"I'll get back to you shortly.\", "
                    + "\"corrected_by\": \"agent-12\"}");
            corrections.pipeInput("r-8", "{\"tenant\": \"acme\", \"source_text\": \"Bonjour\", \"translation\": \"Hello\"}");
            send(TranslationRequest.newBuilder(request("m2", "c", "je reviens vers vous rapidement", "fr", "en")).setTenant("acme").build());
            driver.advanceWallClockTime(Duration.ofMillis(300));
            send(request("d2", "c", "Super !", "fr", "en"));
            driver.advanceWallClockTime(Duration.ofMillis(300));
            Map<String, TranslationResult> out = new LinkedHashMap<>();
            output.readValuesToList().forEach(r -> out.put(r.getRequestId(), r));
            assertEquals("Great!", out.get("m1").getTranslation());
            assertEquals("MEMORY", out.get("m1").getOrigin());
            assertEquals(1L, out.get("m1").getMemoryVersion(), "the entry at offset 0");
            assertEquals(List.of("super"), out.get("m1").getSourceWords());
            assertEquals(List.of("Great!"), out.get("m1").getTargetWords());
            assertEquals("MODEL", out.get("d1").getOrigin(), "the default tenant has no memory");
            assertEquals(0L, out.get("d1").getMemoryVersion());
            assertEquals(List.of(KeyValue.pair("acme|fr-en|je reviens vers vous rapidement",
                    "{\"translation\":\"I'll get back to you shortly.\"}")), memoryWrites.readKeyValuesToList());
            assertEquals("I'll get back to you shortly.", out.get("m2").getTranslation());
            assertEquals("MEMORY", out.get("m2").getOrigin());
            assertEquals(2L, out.get("m2").getMemoryVersion(), "the correction's entry, at offset 1");
            float[][] words = AlignmentCodec.wordMatrix(out.get("m2"));
            assertEquals(List.of("I'll", "get", "back", "to", "you", "shortly."), out.get("m2").getTargetWords());
            assertEquals("rapidement", out.get("m2").getSourceWords().get(Alignments.argmax(words[5])),
                    "the model, forced through the answer, aligns it: " + Arrays.deepToString(words));
            assertEquals("vous", out.get("m2").getSourceWords().get(Alignments.argmax(words[4])));
            assertEquals("CACHE", out.get("d2").getOrigin());
            assertEquals(out.get("d1").getTranslation(), out.get("d2").getTranslation());
            List<DeadLetter> dead = deadLetters.readValuesToList();
            assertEquals(List.of(ErrorCode.INVALID_CORRECTION.name()), dead.stream().map(DeadLetter::getReason).toList());
            assertEquals("source_language must be a non-empty string", dead.get(0).getMessage());
            assertEquals(config.correctionsTopic(), dead.get(0).getSourceTopic());
        }
    }

    @Test
    void aChatMessageComesBackWholeWithItsSegmentsSpansAndQualityThroughTheRealEngine() {
        String chat = "@marie Salut !\nLe train de 8h15 a 20 minutes de retard 😩 https://example.com/horaires?id=42";
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"))) {
            start(Map.of(), () -> Map.of(FR_EN, new EngineBatchTranslator(engine)));
            send(request("m1", "c", chat));
            send(request("m2", "c", "🙏😂"));
            send(request("m3", "c", TypedChat.MESSAGE));
            driver.advanceWallClockTime(Duration.ofMillis(100));
            List<TranslationResult> results = output.readValuesToList();
            TypedChat.assertWhole(results.get(2).getTranslation());
            TranslationResult r = results.get(0);
            for (String span : List.of("@marie", "8h15", "20", "😩", "https://example.com/horaires?id=42")) {
                assertEquals(1, r.getTranslation().split(java.util.regex.Pattern.quote(span), -1).length - 1, span + " in " + r.getTranslation());
            }
            assertEquals(2, r.getSegments().size());
            assertEquals("\n", r.getTranslation().substring(r.getSegments().get(0).getTargetEnd(), r.getSegments().get(1).getTargetStart()));
            assertEquals(5, r.getProtectedSpans().size());
            assertEquals(chat, r.getSourceText(), "the message as written travels with its translation");
            assertEquals(List.of(), r.getWordAlignment(), "no message-level matrix: each segment carries its block");
            Segment second = r.getSegments().get(1);
            assertEquals(r.getTargetWords().size(), second.getTargetWordEnd());
            assertEquals(r.getSourceWords().size(), second.getSourceWordEnd());
            assertEquals((second.getTargetTokenEnd() - second.getTargetTokenStart())
                    * (second.getSourceTokenEnd() - second.getSourceTokenStart()), second.getAlignment().remaining());
            float[][] words = AlignmentCodec.wordMatrix(r);
            assertEquals(0f, words[words.length - 1][0], "the second sentence's words do not align with the first's");
            assertTrue(r.getQuality() != null && second.getQuality() != null);
            assertEquals("🙏😂", results.get(1).getTranslation(), "nothing to translate: returned as it is");
            assertEquals(null, results.get(1).getQuality());
            assertEquals(1, results.get(1).getProtectedSpans().size(), "the copied emoji is still listed");
        }
    }

    @Test
    void aResultOverItsBudgetKeepsItsTranslationAndDropsItsAlignmentsAndOneOverEvenWithoutIsDeadLettered() {
        String sentence = "Le train de huit heures a vingt minutes de retard ce matin encore. ";
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"))) {
            start(Map.of(ProcessorConfig.RESULT_MAX_BYTES.key(), "8192"), () -> Map.of(FR_EN, new EngineBatchTranslator(engine)));
            send(request("short", "c1", sentence.strip()));
            send(request("long", "c2", sentence.repeat(12).strip()));
            send(request("huge", "c3", sentence.repeat(80).strip()));
            driver.advanceWallClockTime(Duration.ofMillis(100));
            Map<String, TranslationResult> results = new java.util.HashMap<>();
            output.readValuesToList().forEach(r -> results.put(r.getRequestId(), r));
            assertFalse(results.get("short").getAlignmentDropped());
            TranslationResult thin = results.get("long");
            assertTrue(thin.getAlignmentDropped(), "over 8 KiB with its alignments");
            assertEquals(12, thin.getSegments().size(), "every sentence translated: " + thin.getTranslation());
            assertEquals(List.of(), thin.getSourceWords());
            DeadLetter huge = deadLetters.readValue();
            assertEquals(ErrorCode.RESULT_TOO_LARGE.name(), huge.getReason());
            assertEquals(sentence.repeat(80).strip(), DeadLetters.originalRequest(huge).getText(), "the request is kept: " + huge.getMessage());
            assertFalse(results.containsKey("huge"));
        }
    }

    @Test
    void anOptionOfTheWrongTypeIsNamedAsSuchInItsDeadLetter() {
        start(Map.of(ProcessorConfig.ACCEPT_JSON.key(), "true"));
        input.pipeInput("c".getBytes(StandardCharsets.UTF_8), ("{\"request_id\":\"j1\",\"conversation_id\":\"c\",\"text\":\"salut\","
                + "\"options\":{\"beam_size\":\"five\"}}").getBytes(StandardCharsets.UTF_8));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        DeadLetter d = deadLetters.readValue();
        assertEquals(ErrorCode.INVALID_REQUEST.name(), d.getReason());
        assertEquals("JSON request: field 'options.beam_size' must be a whole number, got \"five\"", d.getMessage());
    }

    @Test
    void jsonRequestsAreAcceptedWhenSwitchedOnAndAnObjectMissingAFieldIsAnInvalidRequest() {
        start(Map.of(ProcessorConfig.ACCEPT_JSON.key(), "true"));
        input.pipeInput("c".getBytes(StandardCharsets.UTF_8), ("{\"request_id\":\"j1\",\"conversation_id\":\"c\",\"text\":\"salut\","
                + "\"options\":{\"beam_size\":1},\"client_timestamp\":1700000000000,\"sender\":\"alice\",\"message_id\":\"m9\","
                + "\"operation\":\"EDIT\"}").getBytes(StandardCharsets.UTF_8));
        input.pipeInput("c".getBytes(StandardCharsets.UTF_8), "{\"request_id\":\"j2\",\"text\":\"salut\"}".getBytes(StandardCharsets.UTF_8));
        input.pipeInput("c".getBytes(StandardCharsets.UTF_8), "{\"request_id\":".getBytes(StandardCharsets.UTF_8));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        TranslationResult result = output.readValue();
        assertEquals("SALUT", result.getTranslation());
        assertTrue(result.getTimings().getEndToEndMs() != null);
        assertEquals(List.of("alice", "m9", "EDIT"), List.of(result.getSender(), result.getMessageId(), result.getOperation()));
        var missingRecord = deadLetters.readRecord();
        DeadLetter missing = missingRecord.value();
        assertEquals(ErrorCode.INVALID_REQUEST.name(), missing.getReason());
        assertEquals(ErrorCode.INVALID_REQUEST.name(), new String(
                missingRecord.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8));
        assertEquals("JSON request: missing field 'conversation_id'", missing.getMessage());
        assertEquals(ErrorCode.UNDECODABLE.name(), deadLetters.readValue().getReason());
    }
}
