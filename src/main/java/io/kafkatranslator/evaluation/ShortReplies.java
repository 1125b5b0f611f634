package io.kafkatranslator.evaluation;

import java.util.List;
import java.util.Locale;

/** Whether a short reply's translation is acceptable: one of its references once case, punctuation and spacing are set aside. */
final class ShortReplies {
    private ShortReplies() {
    }

    /** The share of acceptable translations. */
    static double acceptable(List<String> hypotheses, List<List<String>> references) {
        int ok = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            ok += acceptable(hypotheses.get(i), references.get(i)) ? 1 : 0;
        }
        return hypotheses.isEmpty() ? 0 : (double) ok / hypotheses.size();
    }

    static boolean acceptable(String hypothesis, List<String> references) {
        return references.stream().map(ShortReplies::comparable).anyMatch(comparable(hypothesis)::equals);
    }

    private static String comparable(String text) {
        return text.replace('’', '\'').toLowerCase(Locale.ROOT).replaceAll("[\\p{P}&&[^']]", " ").replaceAll("\\s+", " ").strip();
    }
}
