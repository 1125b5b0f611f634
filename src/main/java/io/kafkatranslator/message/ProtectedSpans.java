package io.kafkatranslator.message;

import io.kafkatranslator.message.UnitOutput.Token;
import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SpanKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * URLs, mentions, emoji, numbers and the like never reach the model: each is placed by its nearest
 * source words with letters, and copied once, as written, next to the target word aligned with that
 * word; a reaction is given in the target language's usual form ({@code reactions.tsv}: mdr → lol).
 * Made first and undone last, once every word of the translation is in its place.
 */
final class ProtectedSpans implements Adaptation {
    /** Where a protected span goes back into the translation. */
    enum Placement {
        /** Before every word: it opened the sentence. */
        PREFIX,
        /** Before the target word aligned with the anchor (a number stands before what it counts). */
        BEFORE_WORD,
        /** After the target word aligned with the anchor. */
        AFTER_WORD,
        /** After the last word, before the sentence's final punctuation. */
        BEFORE_END_PUNCTUATION,
        /** At the very end. */
        END
    }

    /**
     * A span, its column among the unit's source words, where it goes back and by which source
     * column (-1 for none); gluedToNext: written against the word after it, which then follows it
     * with no space.
     */
    record Placed(ProtectedSpan span, String text, Placement placement, int anchorColumn, int column,
                  boolean spaceBefore, boolean gluedToNext) {
    }

    private final List<Placed> placed;

    private ProtectedSpans(List<Placed> placed) {
        this.placed = placed;
    }

    /** target: the language the spans go back into. */
    static Adapter adapter(String target) {
        Map<String, String> reactions = new HashMap<>();
        for (String entry : WordLists.entries("/reactions.tsv")) {
            String[] f = entry.split("\t");
            if (f[1].equals(target)) {
                reactions.put(f[0], f[2]);
            }
        }
        return draft -> adapt(draft, reactions);
    }

    static void adapt(UnitDraft draft, Map<String, String> reactions) {
        if (draft.spanSites().isEmpty()) {
            return;
        }
        boolean[] lexical = new boolean[draft.size()];
        for (int w = 0; w < lexical.length; w++) {
            lexical[w] = draft.lexical(w);
        }
        List<Placed> placed = new ArrayList<>();
        for (UnitDraft.SpanSite site : draft.spanSites()) {
            placed.add(place(draft, site, lexical, reactions));
        }
        draft.record(new ProtectedSpans(placed));
    }

    /**
     * A span written against the word after it ("(ou", "“abandonné", "**D'une") goes before that
     * word's translation, glued to it, unless it is glued to the word before it as well.
     */
    private static Placed place(UnitDraft draft, UnitDraft.SpanSite site, boolean[] lexical, Map<String, String> reactions) {
        int wordsBefore = site.wordsBefore();
        int previousWord = -1;
        for (int w = wordsBefore - 1; w >= 0 && previousWord < 0; w--) {
            previousWord = lexical[w] ? w : -1;
        }
        int nextWord = -1;
        for (int w = wordsBefore; w < lexical.length && nextWord < 0; w++) {
            nextWord = lexical[w] ? w : -1;
        }
        Element e = site.element();
        String text = e.span().kind() == SpanKind.REACTION
                ? reactions.getOrDefault(e.text(draft.message()).toLowerCase(Locale.ROOT), e.text(draft.message())) : e.text(draft.message());
        boolean space = e.spaceBefore();
        boolean glued = site.gluedToWord() && nextWord == wordsBefore;
        if (previousWord < 0) {
            return new Placed(e.span(), text, Placement.PREFIX, -1, site.column(), space, glued);
        }
        if (nextWord < 0) {
            Placement p = wordsBefore < lexical.length ? Placement.BEFORE_END_PUNCTUATION : Placement.END;
            return new Placed(e.span(), text, p, -1, site.column(), space, false);
        }
        return e.span().kind() == SpanKind.NUMBER || (glued && space)
                ? new Placed(e.span(), text, Placement.BEFORE_WORD, draft.column(nextWord), site.column(), space, glued)
                : new Placed(e.span(), text, Placement.AFTER_WORD, draft.column(previousWord), site.column(), space, false);
    }

    @Override
    public void restore(UnitOutput output) {
        List<Token> words = output.tokens();
        int n = words.size();
        List<List<Token>> before = new ArrayList<>();
        List<List<Token>> after = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            before.add(new ArrayList<>());
            after.add(new ArrayList<>());
        }
        List<Token> prefix = new ArrayList<>();
        List<Token> beforeEnd = new ArrayList<>();
        List<Token> last = new ArrayList<>();
        for (Placed p : placed) {
            Token copy = new Token(p.text(), p.spaceBefore(), output.oneHot(p.column()), p.span());
            int anchor = p.anchorColumn() < 0 ? -1 : output.alignedWord(p.anchorColumn());
            Placement placement = anchor < 0 && (p.placement() == Placement.BEFORE_WORD || p.placement() == Placement.AFTER_WORD)
                    ? Placement.BEFORE_END_PUNCTUATION : p.placement();
            if (p.gluedToNext() && (placement == Placement.PREFIX || placement == Placement.BEFORE_WORD) && n > 0) {
                int word = placement == Placement.PREFIX ? 0 : anchor;
                words.set(word, words.get(word).withSpaceBefore(false));
            }
            switch (placement) {
                case PREFIX -> prefix.add(copy);
                case BEFORE_WORD -> before.get(anchor).add(copy);
                case AFTER_WORD -> after.get(anchor).add(copy);
                case BEFORE_END_PUNCTUATION -> beforeEnd.add(copy);
                case END -> last.add(copy);
            }
        }
        List<Token> out = new ArrayList<>(prefix);
        for (int t = 0; t < n; t++) {
            out.addAll(before.get(t));
            out.add(words.get(t));
            out.addAll(after.get(t));
        }
        out.addAll(beforeEnd);
        if (output.end() != null) {
            // The end mark sticks to what precedes it, as the model wrote it.
            out.add(output.end());
            output.setEnd(null);
        }
        out.addAll(last);
        words.clear();
        words.addAll(out);
    }
}
