package io.kafkatranslator.message;

import io.kafkatranslator.message.UnitOutput.Token;

import java.util.List;

/**
 * The model learnt from sentences that end in one mark. Emphatic end punctuation ("!!!", "?!", "…")
 * is given as one mark, a unit ending in a clause mark (a chunk cut after it, or "Bonjour,") is
 * given a full stop, and a unit with none gets one; the translation ends as the source did. The mark
 * is also split off the last word, so that the spans that go before it can be placed.
 */
final class EndPunctuation implements Adaptation {
    /** The marks that end a sentence. */
    static final String MARKS = ".!?…";

    /** The ending given back in place of the model's, or null. */
    private final String given;
    /** The model was given a full stop the writer did not put. */
    private final boolean addedStop;

    private EndPunctuation(String given, boolean addedStop) {
        this.given = given;
        this.addedStop = addedStop;
    }

    static void adapt(UnitDraft draft) {
        int lastWord = draft.size() - 1;
        String last = draft.word(lastWord);
        int run = last.length();
        while (run > 0 && MARKS.indexOf(last.charAt(run - 1)) >= 0) {
            run--;
        }
        String ending = last.substring(run);
        char mark = last.isEmpty() ? ' ' : last.charAt(last.length() - 1);
        String given = null;
        boolean addedStop = false;
        if (ending.length() > 1 || ending.equals("…")) {
            given = ending;
            draft.setWord(lastWord, last.substring(0, run) + (ending.contains("?") ? "?" : ending.contains("!") ? "!" : "."));
        } else if (ending.isEmpty() && ClauseChunks.MARKS.indexOf(mark) >= 0 && last.length() > 1 && draft.lexical(lastWord)) {
            given = String.valueOf(mark);
            draft.setWord(lastWord, last.substring(0, last.length() - 1) + '.');
        } else if (ending.isEmpty() && draft.lexical(lastWord)) {
            draft.setWord(lastWord, last + '.');
            addedStop = true;
        }
        draft.record(new EndPunctuation(given, addedStop));
    }

    /**
     * Takes the end punctuation off the last word and keeps it apart, as the source had it: "!!!"
     * for "!", "," for a chunk cut after a comma, none where the source had none (but a question mark).
     */
    @Override
    public void restore(UnitOutput output) {
        List<Token> words = output.tokens();
        if (words.isEmpty()) {
            output.setEnd(given == null ? null : new Token(given, false, output.emptyRow(), null));
            return;
        }
        Token last = words.remove(words.size() - 1);
        int base = last.text().length();
        while (base > 0 && MARKS.indexOf(last.text().charAt(base - 1)) >= 0) {
            base--;
        }
        String ending = last.text().substring(base);
        if (given != null) {
            ending = given;
        } else if (addedStop && (ending.equals(".") || ending.equals("!"))) {
            // The writer put no mark: the model's (or the phrasebook's) stop or exclamation is not theirs; a question stays.
            ending = "";
        }
        if (base > 0) {
            words.add(last.withText(last.text().substring(0, base)));
        }
        output.setEnd(ending.isEmpty() ? null : new Token(ending, false, last.row(), null));
    }
}
