package io.kafkatranslator.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.LanguageDetection;
import io.kafkatranslator.schema.Timings;
import io.kafkatranslator.schema.TranslationResult;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JSON a consumer without Avro reads as it is, and that reads back as the same record. */
class JsonSerdeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordsAreFlatJsonObjectsThatReadBackUnchanged() throws Exception {
        TranslationResult result = TranslationResult.newBuilder().setRequestId("r1").setConversationId("c")
                .setTranslation("I am a student.").setScore(-0.5).setNbest(List.of())
                .setSourceTokens(List.of()).setTargetTokens(List.of()).setAlignment(List.of())
                .setSourceWords(List.of("Je", "suis", "étudiant.")).setTargetWords(List.of("I", "am", "a", "student."))
                .setWordAlignment(List.of(List.of(0.9f, 0.05f, 0.05f))).setSegments(List.of()).setProtectedSpans(List.of())
                .setTimings(Timings.newBuilder().setQueuedMs(1).setDecodingMs(20).setEndToEndMs(null).build())
                .setSourceLanguage("fr").setTargetLanguage("en")
                .setLanguageDetection(LanguageDetection.newBuilder().setLanguage("fr").setConfidence(0.3).build())
                .build();
        JsonSerde<TranslationResult> results = new JsonSerde<>(TranslationResult.getClassSchema());
        JsonNode json = JSON.readTree(results.encode(result));
        assertEquals("fr", json.get("source_language").asText(), "an optional value is the value, not {\"string\": …}");
        assertTrue(json.get("untranslated_reason").isNull());
        assertEquals("student.", json.get("target_words").get(3).asText());
        assertEquals(20, json.get("timings").get("decoding_ms").asInt());
        assertTrue(json.get("timings").get("end_to_end_ms").isNull());
        assertEquals(result, results.decode(results.encode(result)));

        byte[] original = "{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetter dead = DeadLetter.newBuilder().setOriginalKey(null).setOriginalValue(ByteBuffer.wrap(original))
                .setReason("INVALID_REQUEST").setMessage("JSON request: missing field 'request_id'")
                .setSourceTopic("translation-requests").setSourcePartition(0).setSourceOffset(7)
                .setFailedAt(Instant.ofEpochMilli(1_700_000_000_123L)).build();
        JsonSerde<DeadLetter> deadLetters = new JsonSerde<>(DeadLetter.getClassSchema());
        JsonNode letter = JSON.readTree(deadLetters.encode(dead));
        assertEquals(1_700_000_000_123L, letter.get("failed_at").asLong());
        assertEquals(Base64.getEncoder().encodeToString(original), letter.get("original_value").asText());
        assertEquals(dead, deadLetters.decode(deadLetters.encode(dead)));

        // The reader of the output topics takes either format.
        OutputCodec<TranslationResult> codec = new OutputCodec<>(TranslationResult.getClassSchema());
        assertEquals(result, codec.decode(results.encode(result)));
        assertEquals(result, codec.decode(new AvroSerde<TranslationResult>(TranslationResult.getClassSchema()).encode(result)));
    }
}
