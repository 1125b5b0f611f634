package io.kafkatranslator.language;

import java.util.Locale;
import java.util.Set;

/** A translation direction, as ISO 639-1 codes ("fr-en"). */
public record LanguagePair(String source, String target) {
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    public LanguagePair {
        requireCode(source);
        requireCode(target);
    }

    /** "fr-en" → fr to en; IllegalArgumentException for anything else. */
    public static LanguagePair parse(String pair) {
        String[] parts = pair.split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a language pair is two ISO 639-1 codes such as fr-en, not '" + pair + "'");
        }
        return new LanguagePair(parts[0], parts[1]);
    }

    /** Whether the code is a two-letter ISO 639-1 language code, in lower case. */
    public static boolean isLanguageCode(String code) {
        return code != null && ISO_639_1.contains(code);
    }

    public static void requireCode(String code) {
        if (!isLanguageCode(code)) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 639-1 language code (such as fr or en)");
        }
    }

    @Override
    public String toString() {
        return source + "-" + target;
    }
}
