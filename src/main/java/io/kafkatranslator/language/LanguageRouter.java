package io.kafkatranslator.language;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which model a message goes to. A message whose source language is not given is routed by the
 * language detected among those that can reach its target (the sources of the models writing that
 * target, and the target itself); one that cannot be told is not guessed. A message already in its
 * target language goes to no model. Immutable, thread-safe.
 */
public final class LanguageRouter {
    private final Set<LanguagePair> pairs;
    private final LanguageDetector detector;
    private final double senderMargin;

    public LanguageRouter(Set<LanguagePair> pairs, LanguageDetector detector) {
        this(pairs, detector, 0);
    }

    /**
     * senderMargin: the lead a detected language needs to win over the writer's usual language (a
     * detection below it that names another language is taken for the usual one); 0: any detection wins.
     */
    public LanguageRouter(Set<LanguagePair> pairs, LanguageDetector detector, double senderMargin) {
        this.pairs = Set.copyOf(pairs);
        this.detector = detector;
        this.senderMargin = senderMargin;
    }

    /** Where a message goes; detection is null when the source language was given. */
    public sealed interface Route permits ToModel, SameLanguage, Undetected, Unsupported {
        LanguageDetector.Detection detection();
    }

    public record ToModel(LanguagePair pair, LanguageDetector.Detection detection) implements Route {
    }

    /** Already in the target language: returned as it is. */
    public record SameLanguage(String language, LanguageDetector.Detection detection) implements Route {
    }

    /** Too short or too mixed to tell: returned as it is, not guessed. */
    public record Undetected(LanguageDetector.Detection detection) implements Route {
    }

    public record Unsupported(String source, String target, LanguageDetector.Detection detection) implements Route {
    }

    public Set<LanguagePair> pairs() {
        return pairs;
    }

    public Route route(String source, String target, String text) {
        return route(source, null, target, text);
    }

    /**
     * usual: the writer's usual language, as their conversation knows it (null when unknown): a message
     * whose own language cannot be told, or is told another by less than the sender margin (an
     * anonymised "EMAIL", "Via le chat" read as English), is taken to be in it rather than returned as it
     * is or translated the wrong way.
     */
    public Route route(String source, String usual, String target, String text) {
        LanguageDetector.Detection detection = null;
        if (source == null) {
            detection = detector.detect(text);
            if (!detection.detected() && usual == null) {
                return new Undetected(detection);
            }
            boolean trusted = detection.detected() && (usual == null || detection.language().equals(usual)
                    || detection.confidence() >= senderMargin);
            source = trusted ? detection.language() : usual;
        }
        if (source.equals(target)) {
            return new SameLanguage(source, detection);
        }
        LanguagePair pair = new LanguagePair(source, target);
        return pairs.contains(pair) ? new ToModel(pair, detection) : new Unsupported(source, target, detection);
    }

    /** The languages detection chooses among: every language a model reads or writes. */
    public static Set<String> languages(Set<LanguagePair> pairs) {
        Set<String> out = new LinkedHashSet<>();
        for (LanguagePair p : pairs) {
            out.add(p.source());
            out.add(p.target());
        }
        return out;
    }
}
