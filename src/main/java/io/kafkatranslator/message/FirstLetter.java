package io.kafkatranslator.message;

import io.kafkatranslator.message.UnitOutput.Token;

import java.util.List;
import java.util.Locale;

/**
 * The model learnt sentences that open with a capital: a first letter in lower case is raised.
 * Where the unit is a chunk that goes on a sentence ("…, mais il pleut"), its translation goes on
 * in lower case too ("but", not "But"); a sentence keeps the capital the model gives it.
 */
final class FirstLetter implements Adaptation {

    private FirstLetter() {
    }

    static Adapter adapter(Locale locale) {
        return draft -> {
            if ((raise(draft, locale) || opensWithI(draft)) && draft.continues()) {
                draft.record(new FirstLetter());
            }
        };
    }

    /** Raises the first letter of the unit; true where it was in lower case. */
    private static boolean raise(UnitDraft draft, Locale locale) {
        for (int w = 0; w < draft.size(); w++) {
            String word = draft.word(w);
            for (int i = 0; i < word.length(); i++) {
                if (Character.isLetter(word.charAt(i))) {
                    boolean lower = Character.isLowerCase(word.charAt(i));
                    if (lower) {
                        draft.setWord(w, word.substring(0, i) + word.substring(i, i + 1).toUpperCase(locale) + word.substring(i + 1));
                    }
                    return lower;
                }
            }
        }
        return false;
    }

    /** English writes "I" with a capital inside a sentence too: "…, I can" goes on as "…, je peux". */
    private static boolean opensWithI(UnitDraft draft) {
        String first = draft.size() == 0 ? "" : draft.word(0);
        return first.equals("I") || first.startsWith("I'") || first.startsWith("I’");
    }

    /** "But" → "but"; "I", "I'm" and "NASA" keep their capitals. */
    @Override
    public void restore(UnitOutput output) {
        List<Token> words = output.tokens();
        if (words.isEmpty()) {
            return;
        }
        String w = words.get(0).text();
        boolean keep = w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || w.equals("I") || w.startsWith("I'")
                || (w.length() > 1 && Character.isUpperCase(w.charAt(1)));
        if (!keep) {
            words.set(0, words.get(0).withText(lowerFirst(w)));
        }
    }

    static String lowerFirst(String word) {
        return word.substring(0, 1).toLowerCase(Locale.ROOT) + word.substring(1);
    }
}
