package io.kafkatranslator.message;

import io.kafkatranslator.glossary.GlossaryTerm;
import io.kafkatranslator.message.NamePlaceholders.NameSlot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tenant's glossary terms ("Glossaries"), enforced as names are: the model is given a name
 * placeholder where a term stands, so that the sentence keeps its grammar (taking the term out left
 * "Mon est expiré", which came back "My father is."), and the placeholder is turned back into the
 * term's target rendering, or into the term as written for a do-not-translate term; where the model
 * left the placeholder out, the term goes after the target word aligned with it, never lost. A term
 * matches whole words, whatever their case and the punctuation around them; an elided article before it
 * is spelt out as the names' are ("l'Espace Client" is given as "le Tom"). The longest term wins where
 * two could match; four terms a sentence at most (the placeholders), a fifth is left to the model.
 */
final class GlossaryPlaceholders implements Adaptation {
    private static final Map<String, String> ELISIONS = Map.of("l", "le", "d", "de", "qu", "que", "jusqu", "jusque",
            "lorsqu", "lorsque", "puisqu", "puisque");
    /** Punctuation, an elision, the word, punctuation. */
    private static final Pattern WORD = Pattern.compile("(\\P{L}*)(?:(\\p{L}{1,6})['’](?=\\p{L}))?(.*?)(\\P{L}*)");

    private final List<NameSlot> slots = new ArrayList<>();

    static Adaptation.Adapter adapter() {
        return draft -> {
            List<GlossaryTerm> terms = draft.context().terms();
            if (!terms.isEmpty()) {
                new GlossaryPlaceholders().adapt(draft, terms.stream()
                        .sorted(Comparator.comparingInt((GlossaryTerm t) -> t.term().split("\\s+").length).reversed()).toList());
            }
        };
    }

    private void adapt(UnitDraft draft, List<GlossaryTerm> longestFirst) {
        List<String> free = new ArrayList<>(NamePlaceholders.PLACEHOLDERS);
        free.removeIf(p -> Pattern.compile("(?<!\\p{L})" + p + "(?!\\p{L})").matcher(draft.text()).find());
        List<String> words = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        int w = 0;
        while (w < draft.size()) {
            GlossaryTerm term = free.isEmpty() ? null : termAt(draft, w, longestFirst);
            if (term == null) {
                words.add(draft.word(w));
                columns.add(draft.column(w));
                w++;
                continue;
            }
            int length = term.term().split("\\s+").length;
            Matcher first = parts(draft.word(w));
            Matcher last = parts(draft.word(w + length - 1));
            String placeholder = free.remove(0);
            String elision = first.group(2) == null ? null : ELISIONS.get(first.group(2).toLowerCase(Locale.ROOT));
            if (elision != null) {
                words.add(first.group(1) + elision);
                columns.add(draft.column(w));
            }
            words.add((elision == null ? first.group(1) : "") + placeholder + last.group(4));
            columns.add(draft.column(w));
            StringBuilder written = new StringBuilder(first.group(3));
            for (int k = 1; k < length; k++) {
                written.append(' ').append(parts(draft.word(w + k)).group(3));
            }
            slots.add(new NameSlot(placeholder, term.translation() != null ? term.translation() : written.toString(), draft.column(w)));
            w += length;
        }
        if (!slots.isEmpty()) {
            draft.replaceWords(words, columns);
            draft.record(this);
        }
    }

    /** The longest term whose words start at word w, or null. */
    private static GlossaryTerm termAt(UnitDraft draft, int w, List<GlossaryTerm> longestFirst) {
        for (GlossaryTerm term : longestFirst) {
            String[] termWords = term.term().split("\\s+");
            if (w + termWords.length > draft.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < termWords.length && matches; k++) {
                Matcher m = parts(draft.word(w + k));
                boolean inner = k > 0 || m.group(2) == null || ELISIONS.containsKey(m.group(2).toLowerCase(Locale.ROOT));
                // Punctuation may open the term's first word and close its last, not stand inside it.
                boolean edges = (k == 0 || m.group(1).isEmpty()) && (k == termWords.length - 1 || m.group(4).isEmpty())
                        && (k == 0 || m.group(2) == null);
                matches = inner && edges && m.group(3).equalsIgnoreCase(termWords[k]);
            }
            if (matches) {
                return term;
            }
        }
        return null;
    }

    private static Matcher parts(String word) {
        Matcher m = WORD.matcher(word);
        if (!m.matches()) {
            throw new IllegalStateException("no match for " + word);
        }
        return m;
    }

    @Override
    public void restore(UnitOutput output) {
        NamePlaceholders.restore(output, slots);
    }
}
