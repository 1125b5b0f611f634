package io.kafkatranslator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One of the compacted topics that hold the tenants' policies (README, "Glossaries and translation memory"): keyed
 * {@code TENANT|SOURCE-TARGET|TEXT}, valued {@code {"translation": …}}, a null value (a tombstone) taking the entry
 * out. Every instance reads the whole topic into a global store, keyed as the topic is but with TEXT in its
 * canonical form (so that a key written by hand finds the same entry as one the commands write), plus one version
 * per tenant: one more than the topic offset of the tenant's latest change (the topic has one partition), so that a
 * result says which policy it was translated with.
 */
public final class PolicyTopic {
    /** Terms, kept as written ({@code "translation": null}) or always given as their translation. */
    public static final PolicyTopic GLOSSARY = new PolicyTopic("TERM", true, String::strip);
    /** Approved translations of whole messages, by their normalised source ({@link TranslationMemory#normalise}). */
    public static final PolicyTopic MEMORY = new PolicyTopic("SOURCE", false, TranslationMemory::normalise);

    public static final String DEFAULT_TENANT = "default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String textName;
    private final boolean keepsAsWritten;
    private final UnaryOperator<String> canonical;

    private PolicyTopic(String textName, boolean keepsAsWritten, UnaryOperator<String> canonical) {
        this.textName = textName;
        this.keepsAsWritten = keepsAsWritten;
        this.canonical = canonical;
    }

    public static boolean isTenant(String tenant) {
        return TENANT.matcher(tenant).matches();
    }

    /** tenant: null for the default one. */
    public String key(String tenant, LanguagePair pair, String text) {
        return prefix(tenant, pair) + canonical.apply(text);
    }

    /** What every key of the tenant's (null: the default one) entries for the pair starts with. */
    public static String prefix(String tenant, LanguagePair pair) {
        return (tenant == null ? DEFAULT_TENANT : tenant) + "|" + pair + "|";
    }

    /** The store's key of a valid record's key. */
    public String storeKey(String key) {
        String[] parts = key.split("\\|", 3);
        return parts[0] + "|" + parts[1] + "|" + canonical.apply(parts[2]);
    }

    /** Null when the record is a valid entry (or a tombstone); else what is wrong with it. */
    public String problem(String key, String value) {
        String[] parts = key == null ? new String[0] : key.split("\\|", 3);
        if (parts.length != 3 || !isTenant(parts[0]) || canonical.apply(parts[2]).isEmpty()) {
            return "the key must be TENANT|SOURCE-TARGET|" + textName + ", got " + key;
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
            return "the value must be {\"translation\": \"...\"}" + (keepsAsWritten ? " or {\"translation\": null}" : "") + ": "
                    + e.getMessage();
        }
    }

    /**
     * What the store keeps of a valid entry's value, read once as it arrives rather than for every message: its
     * translation, or the empty string for a term kept as written.
     */
    public String stored(String value) {
        try {
            String translation = translation(value);
            return translation == null ? "" : translation;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid value (check it with problem()): " + value, e);
        }
    }

    /** A value of this topic: the translation, or null for a term kept as written. */
    public static String value(String translation) {
        return JSON.createObjectNode().put("translation", translation).toString();
    }

    /** The translation a valid value holds (null: kept as written). */
    public static String translationOf(String value) {
        try {
            JsonNode t = JSON.readTree(value).get("translation");
            return t.isNull() ? null : t.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid value (check it with problem()): " + value, e);
        }
    }

    /** The tenant of a valid entry's key. */
    public static String tenantOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /** Where the store keeps a tenant's version: no entry key starts so. */
    public static String versionKey(String tenant) {
        return "\u0000" + (tenant == null ? DEFAULT_TENANT : tenant);
    }

    /** The tenant's version in this store: one more than the topic offset of its latest change; 0 when it has had none. */
    public static long version(ReadOnlyKeyValueStore<String, String> store, String tenant) {
        String v = store.get(versionKey(tenant));
        return v == null ? 0 : Long.parseLong(v);
    }

    private String translation(String value) throws IOException {
        JsonNode node = JSON.readTree(value);
        if (node == null || !node.isObject() || !node.has("translation") || node.size() != 1) {
            throw new IllegalArgumentException("an object with the one field translation is expected");
        }
        JsonNode t = node.get("translation");
        if (t.isNull() && keepsAsWritten) {
            return null;
        }
        if (!t.isTextual() || t.asText().isBlank()) {
            throw new IllegalArgumentException("translation must be a non-empty string" + (keepsAsWritten ? " or null" : ""));
        }
        return t.asText();
    }
}
