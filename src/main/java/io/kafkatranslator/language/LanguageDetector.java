package io.kafkatranslator.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SpanDetector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The language a message is written in, among the languages the loaded models serve (Lingua, with
 * no other language to confuse them with). Lingua rates every candidate relative to the best (1.0);
 * the confidence reported is the best one's lead over the next (1 - its rating). Protected spans
 * (URLs, mentions, numbers, emoji…) are left out: they are in no language. A message is not
 * guessed: one with fewer than three letters ("OK", "👍") or a lead under the margin ("lol",
 * "haha", "super") is undetected. Thread-safe (Lingua's detector is; its models load once).
 */
public final class LanguageDetector {
    private static final int MIN_LETTERS = 3;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final double minMargin;
    /** Span detectors keep state: one per thread. No model here: every mark is left in (Lingua skips them). */
    private final ThreadLocal<SpanDetector> spans = ThreadLocal.withInitial(() -> new SpanDetector(mark -> true));

    /** The language, or null when undetected, and the lead that decided it. */
    public record Detection(String language, double confidence) {
        public boolean detected() {
            return language != null;
        }
    }

    /** languages: two or more ISO 639-1 codes; IllegalArgumentException for a code Lingua does not know. */
    public LanguageDetector(Collection<String> languages, double minMargin) {
        List<Language> candidates = new ArrayList<>();
        for (String code : languages) {
            candidates.add(language(code));
        }
        this.lingua = LanguageDetectorBuilder.fromLanguages(candidates.toArray(Language[]::new)).build();
        this.minMargin = minMargin;
    }

    private String withoutSpans(String message) {
        StringBuilder out = new StringBuilder(message.length());
        int next = 0;
        for (ProtectedSpan span : spans.get().find(message)) {
            out.append(message, next, span.start()).append(' ');
            next = span.end();
        }
        return out.append(message, next, message.length()).toString();
    }

    private static Language language(String code) {
        try {
            return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no language detection for '" + code + "'", e);
        }
    }

    public Detection detect(String message) {
        String text = withoutSpans(message);
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return new Detection(null, 0);
        }
        SortedMap<Language, Double> ratings = lingua.computeLanguageConfidenceValues(text);
        Language best = null;
        double second = 0;
        for (Map.Entry<Language, Double> e : ratings.entrySet()) {
            if (best == null || e.getValue() > ratings.get(best)) {
                second = best == null ? second : Math.max(second, ratings.get(best));
                best = e.getKey();
            } else {
                second = Math.max(second, e.getValue());
            }
        }
        if (best == null) {
            return new Detection(null, 0);
        }
        double lead = ratings.get(best) - second;
        return lead < minMargin ? new Detection(null, lead) : new Detection(best.getIsoCode639_1().name().toLowerCase(Locale.ROOT), lead);
    }
}
