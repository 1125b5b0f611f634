package io.kafkatranslator.message;

import io.kafkatranslator.tokenize.SourceLexicon;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence written in capitals ("JE SUIS EN COLÈRE") is given to the model in lower case, which it
 * learnt, and its translation is given back in capitals. Two or more words, at least four letters,
 * none of them lower case, and most of its words in capitals words the training sources use often:
 * not "OK", "SNCF" or "OK SNCF", which are acronyms and names kept as written (NamePlaceholders).
 */
final class Shouting implements Adaptation {
    private static final int MIN_LETTERS = 4;
    /** A word seen less often than this is a name or an acronym ("sncf" is in the corpus once), not a word. */
    private static final int COMMON = 5;
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private Shouting() {
    }

    /** lexicon: the model's source lexicon, or null, where capitals alone tell shouting. */
    static Adapter adapter(Locale locale, SourceLexicon lexicon) {
        return draft -> {
            if (isShouted(draft.words()) && (lexicon == null || mostlyWords(draft.words(), lexicon))) {
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

    /** More than half the words with letters are words the lexicon has often, every letter run of them. */
    private static boolean mostlyWords(List<String> words, SourceLexicon lexicon) {
        int lexical = 0;
        int common = 0;
        for (String w : words) {
            Matcher m = LETTERS.matcher(w);
            boolean any = false;
            boolean all = true;
            while (m.find()) {
                any = true;
                all &= lexicon.count(m.group()) >= COMMON;
            }
            lexical += any ? 1 : 0;
            common += any && all ? 1 : 0;
        }
        return 2 * common > lexical;
    }

    @Override
    public void restore(UnitOutput output) {
        output.tokens().replaceAll(t -> t.withText(t.text().toUpperCase(Locale.ROOT)));
    }
}
