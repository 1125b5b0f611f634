package io.kafkatranslator.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A term of a glossary: kept as written where translation is null, else always given as translation. */
public record GlossaryTerm(String term, String translation) {
    public GlossaryTerm {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("a glossary term must not be empty");
        }
        term = term.strip();
    }

    /**
     * The term as a text holds it, found as the glossary finds terms (whole words, whatever their case and the spaces
     * between them): the words as written there, or null where the text does not hold it.
     */
    public String findIn(String text) {
        String words = String.join("\\s+", Arrays.stream(term.split("\\s+")).map(Pattern::quote).toList());
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? m.group() : null;
    }

    /**
     * Whether a translation renders the term as required, whatever the case and spacing: its target term, or, for a
     * term kept, its words as the source wrote them (found: {@link #findIn} of the source).
     */
    public boolean renderedIn(String translation, String found) {
        String required = translation() != null ? translation() : found;
        return spaced(translation).contains(spaced(required));
    }

    private static String spaced(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
