package io.kafkatranslator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.language.LanguagePair;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * A better translation a person posts of a result, on the corrections topic, as a JSON object with the result's own
 * field names: {@code tenant} (absent or null: the default one), {@code source_language}, {@code target_language},
 * {@code source_text}, {@code translation}, and optionally {@code request_id} and {@code corrected_by} (kept in the
 * topic, for whoever audits it). It becomes the tenant's memory entry for that source.
 */
public record Correction(String tenant, LanguagePair pair, String sourceText, String translation) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("tenant", "source_language", "target_language", "source_text", "translation",
            "request_id", "corrected_by");

    /** The correction a record's value holds; IllegalArgumentException says what is wrong with it. */
    public static Correction parse(String value) {
        JsonNode node;
        try {
            node = value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a correction is a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + " (a correction has " + new java.util.TreeSet<>(FIELDS) + ")");
            }
        }
        String tenant = node.hasNonNull("tenant") ? node.get("tenant").asText() : PolicyTopic.DEFAULT_TENANT;
        if (!PolicyTopic.isTenant(tenant)) {
            throw new IllegalArgumentException("tenant: letters, digits, '_', '.' or '-', 64 at most; got " + tenant);
        }
        LanguagePair pair = LanguagePair.parse(text(node, "source_language") + "-" + text(node, "target_language"));
        String source = text(node, "source_text");
        if (TranslationMemory.normalise(source).isEmpty()) {
            throw new IllegalArgumentException("source_text has nothing to remember but punctuation");
        }
        return new Correction(tenant, pair, source, text(node, "translation"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-empty string");
        }
        return v.asText();
    }

    /** The memory topic's key of the entry it becomes. */
    public String memoryKey() {
        return PolicyTopic.MEMORY.key(tenant, pair, sourceText);
    }

    /** The memory topic's value of the entry it becomes. */
    public String memoryValue() {
        return PolicyTopic.value(translation);
    }
}
