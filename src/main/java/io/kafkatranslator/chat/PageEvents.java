package io.kafkatranslator.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AlignmentCodec;
import io.kafkatranslator.topology.DeadLetters;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * What the page is told, as JSON: the languages it can offer, each result (words, word alignment,
 * confidence, timings) and each dead letter with its reason. The writer is read from the request id,
 * which the page makes {@code WRITER-ID} (as the demo does).
 */
final class PageEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageEvents() {
    }

    static String hello(Collection<String> languages) {
        ObjectNode event = JSON.createObjectNode().put("type", "hello");
        languages.stream().sorted().forEach(event.putArray("languages")::add);
        return event.toString();
    }

    static String result(TranslationResult r) {
        ObjectNode event = JSON.createObjectNode().put("type", "result")
                .put("request_id", r.getRequestId()).put("conversation_id", r.getConversationId())
                .put("writer", writer(r.getRequestId()))
                .put("source_language", r.getSourceLanguage()).put("target_language", r.getTargetLanguage())
                .put("source_text", r.getSourceText()).put("translation", r.getTranslation()).put("untranslated_reason", r.getUntranslatedReason())
                .put("model", r.getModelName().isEmpty() ? null : r.getModelName() + " " + r.getModelVersion())
                .put("message_id", r.getMessageId()).put("version", r.getVersion()).put("deleted", r.getDeleted())
                .put("origin", r.getOrigin()).put("formality", r.getFormality());
        words(event.putArray("source_words"), r.getSourceWords());
        words(event.putArray("target_words"), r.getTargetWords());
        ArrayNode rows = event.putArray("word_alignment");
        for (float[] row : AlignmentCodec.wordMatrix(r)) {
            ArrayNode cells = rows.addArray();
            // Three decimals are all a colour scale can show, and they keep the events small.
            for (float w : row) {
                cells.add(Math.round(w * 1000) / 1000.0);
            }
        }
        event.put("low_confidence", r.getQuality() != null && r.getQuality().getLowConfidence());
        words(event.putArray("unhonoured_terms"), r.getUnhonouredTerms());
        if (r.getLanguageDetection() != null) {
            event.putObject("detection").put("language", r.getLanguageDetection().getLanguage())
                    .put("confidence", r.getLanguageDetection().getConfidence());
        }
        if (r.getTimings() != null) {
            event.put("decoding_ms", r.getTimings().getDecodingMs()).put("end_to_end_ms", r.getTimings().getEndToEndMs());
        }
        return event.toString();
    }

    /** A dead letter; its request's id and text when the original value is a request this processor can read. */
    static String deadLetter(DeadLetter d) {
        ObjectNode event = JSON.createObjectNode().put("type", "dead_letter")
                .put("reason", d.getReason()).put("message", d.getMessage())
                .put("conversation_id", d.getOriginalKey() == null ? null
                        : StandardCharsets.UTF_8.decode(d.getOriginalKey().duplicate()).toString());
        TranslationRequest request = DeadLetters.originalRequest(d);
        if (request != null) {
            event.put("request_id", request.getRequestId()).put("writer", writer(request.getRequestId()))
                    .put("conversation_id", request.getConversationId()).put("text", request.getText())
                    .put("source_language", request.getSourceLanguage()).put("target_language", request.getTargetLanguage());
        }
        return event.toString();
    }

    private static String writer(String requestId) {
        int dash = requestId.indexOf('-');
        return dash > 0 ? requestId.substring(0, dash) : requestId;
    }

    private static void words(ArrayNode out, List<String> words) {
        words.forEach(out::add);
    }
}
