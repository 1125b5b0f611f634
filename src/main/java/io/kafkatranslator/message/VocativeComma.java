package io.kafkatranslator.message;

import io.kafkatranslator.message.UnitOutput.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chat writers greet without the comma the corpus puts before a name ("Hi Alice!", "Salut Rose !"),
 * and the model then drops the greeting or the name ("Hi Alice!" came back "L'extérieur !",
 * "Thanks Alice!" "Merci !"); with the comma it keeps both ("Salut, Alice !"). The model is given
 * the comma after a greeting followed by a capitalised word, and the comma is taken off the
 * greeting's translation, as the writer had none.
 */
final class VocativeComma implements Adaptation {
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "thanks", "bonjour", "bonsoir", "salut",
            "coucou", "merci");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}\\p{L}*.*");

    /** The greeting's source column. */
    private final int column;

    private VocativeComma(int column) {
        this.column = column;
    }

    static void adapt(UnitDraft draft) {
        for (int w = 0; w + 1 < draft.size(); w++) {
            if (GREETINGS.contains(draft.word(w).toLowerCase(Locale.ROOT)) && CAPITALISED.matcher(draft.word(w + 1)).matches()) {
                draft.setWord(w, draft.word(w) + ",");
                draft.record(new VocativeComma(draft.column(w)));
                return;
            }
        }
    }

    @Override
    public void restore(UnitOutput output) {
        List<Token> tokens = output.tokens();
        int greeting = output.alignedWord(column);
        if (greeting >= 0 && tokens.get(greeting).text().endsWith(",")) {
            String text = tokens.get(greeting).text();
            tokens.set(greeting, tokens.get(greeting).withText(text.substring(0, text.length() - 1)));
        }
    }
}
