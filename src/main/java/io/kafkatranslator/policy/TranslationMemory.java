package io.kafkatranslator.policy;

import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A tenant's translation memory as the memory topic's store holds it ({@link PolicyTopic#MEMORY}): approved
 * translations of whole messages, keyed {@code TENANT|SOURCE-TARGET|SOURCE} with the source normalised, so that
 * "Merci beaucoup !", "merci  beaucoup" and "Merci beaucoup." find the same entry. The normalisation keeps every
 * word as written (accents, case past the first letter, inner punctuation): only what chat writers vary without
 * meaning to is taken out.
 */
public final class TranslationMemory {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    /** Final punctuation and the (narrow) no-break space French puts before it. */
    private static final Pattern FINAL = Pattern.compile("[\\s\\u00A0\\u202F.!?…]+$");

    private TranslationMemory() {
    }

    /**
     * The message as the memory keys it: Unicode NFC, white space trimmed and each run of it one space, final
     * punctuation (. ! ? …) taken off, the first letter in lower case.
     */
    public static String normalise(String text) {
        String s = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
        s = FINAL.matcher(s).replaceAll("");
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder(s.length()).appendCodePoint(Character.toLowerCase(first))
                .append(s, Character.charCount(first), s.length()).toString();
    }

    /** The approved translation of the message for the tenant (null: the default one) and pair, or null. */
    public static String lookup(ReadOnlyKeyValueStore<String, String> store, String tenant, LanguagePair pair, String text) {
        String source = normalise(text);
        return source.isEmpty() ? null : store.get(PolicyTopic.prefix(tenant, pair) + source);
    }
}
