package io.kafkatranslator.glossary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The glossary topic's records: keyed {@code TENANT|SOURCE-TARGET|TERM} (such as {@code acme|fr-en|Kafka Streams}),
 * valued {@code {"translation": "…"}} (the term always given so) or {@code {"translation": null}} (kept as
 * written); a null value (a tombstone) takes the term out. Every instance reads the whole compacted topic into
 * a global store, and a message's terms are the store's entries under its tenant and pair. A tenant's
 * glossary version is one more than the topic offset of its latest change (the topic has one partition),
 * so that a result says which glossary it
 * was translated with.
 */
public final class Glossary {
    public static final String DEFAULT_TENANT = "default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StringSerializer KEYS = new StringSerializer();
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Glossary() {
    }

    public static boolean isTenant(String tenant) {
        return TENANT.matcher(tenant).matches();
    }

    public static String key(String tenant, LanguagePair pair, String term) {
        return tenant + "|" + pair + "|" + term.strip();
    }

    /** Null when the record is a valid entry (or a tombstone); else what is wrong with it. */
    public static String problem(String key, String value) {
        String[] parts = key == null ? new String[0] : key.split("\\|", 3);
        if (parts.length != 3 || !isTenant(parts[0]) || parts[2].isBlank()) {
            return "the key must be TENANT|SOURCE-TARGET|TERM, got " + key;
        }
        try {
            LanguagePair.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            return "the key's pair: " + e.getMessage();
        }
        if (value == null) {
            return null;
        }
        try {
            translation(value);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "the value must be {\"translation\": \"...\"} or {\"translation\": null}: " + e.getMessage();
        }
    }

    /** Where the store keeps a tenant's glossary version: no entry key starts so. */
    public static String versionKey(String tenant) {
        return "\u0000" + (tenant == null ? DEFAULT_TENANT : tenant);
    }

    /** The tenant's glossary version: one more than the topic offset of its latest change; 0 when it has had none. */
    public static long version(ReadOnlyKeyValueStore<String, String> store, String tenant) {
        String v = store.get(versionKey(tenant));
        return v == null ? 0 : Long.parseLong(v);
    }

    /** The tenant of a valid entry's key. */
    public static String tenantOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /**
     * What the store keeps of a valid entry's value, read once as it arrives rather than for every message: its
     * translation, or the empty string for a term kept as written.
     */
    public static String stored(String value) {
        try {
            String translation = translation(value);
            return translation == null ? "" : translation;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a glossary value (check it with problem()): " + value, e);
        }
    }

    /** The terms of a tenant (null: the default one) for a pair, from the store's values ({@link #stored}). */
    public static List<GlossaryTerm> terms(ReadOnlyKeyValueStore<String, String> store, String tenant, LanguagePair pair) {
        String prefix = (tenant == null ? DEFAULT_TENANT : tenant) + "|" + pair + "|";
        List<GlossaryTerm> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                out.add(new GlossaryTerm(kv.key.substring(prefix.length()), kv.value.isEmpty() ? null : kv.value));
            }
        }
        return out;
    }

    private static String translation(String value) throws IOException {
        JsonNode node = JSON.readTree(value);
        if (node == null || !node.isObject() || !node.has("translation") || node.size() != 1) {
            throw new IllegalArgumentException("an object with the one field translation is expected");
        }
        JsonNode t = node.get("translation");
        if (!t.isNull() && (!t.isTextual() || t.asText().isBlank())) {
            throw new IllegalArgumentException("translation must be a non-empty string or null");
        }
        return t.isNull() ? null : t.asText();
    }
}
