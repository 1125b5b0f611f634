package io.kafkatranslator.message;

import java.util.List;
import java.util.Locale;

/**
 * A sentence written in capitals ("JE SUIS EN COLÈRE") is given to the model in lower case, which it
 * learnt, and its translation is given back in capitals. Two or more words, at least four letters,
 * none of them lower case: not "OK" or "SNCF".
 */
final class Shouting implements Adaptation {
    private static final int MIN_LETTERS = 4;

    private Shouting() {
    }

    static Adapter adapter(Locale locale) {
        return draft -> {
            if (isShouted(draft.words())) {
                for (int w = 0; w < draft.size(); w++) {
                    draft.setWord(w, draft.word(w).toLowerCase(locale));
                }
                draft.markLowerCased();
                draft.record(new Shouting());
            }
        };
    }

    static boolean isShouted(List<String> words) {
        int upper = 0;
        int lexicalWords = 0;
        for (String w : words) {
            boolean lexical = false;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                if (Character.isUpperCase(c)) {
                    upper++;
                    lexical = true;
                }
            }
            lexicalWords += lexical ? 1 : 0;
        }
        return upper >= MIN_LETTERS && lexicalWords >= 2;
    }

    @Override
    public void restore(UnitOutput output) {
        output.tokens().replaceAll(t -> t.withText(t.text().toUpperCase(Locale.ROOT)));
    }
}
