package io.kafkatranslator.message;

import io.kafkatranslator.policy.GlossaryTerm;
import io.kafkatranslator.message.NamePlaceholders.NameSlot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tenant's glossary terms ("Glossaries and translation memory"), enforced as names are: the model is given a name
 * placeholder where a term stands, so that the sentence keeps its grammar (taking the term out left
 * "Mon est expiré", which came back "My father is."), and the placeholder is turned back into the
 * term's target rendering, or into the term as written for a do-not-translate term; where the model
 * left the placeholder out, the term goes after the target word aligned with it, never lost. A term
 * matches whole words, whatever their case and the punctuation around them (also a next word glued to it by
 * punctuation with no space, as chat writers type "paiement,Avec"); an elided article before it
 * is spelt out as the names' are ("l'Espace Client" is given as "le Tom"). The longest term wins where
 * two could match; four terms a sentence at most (the placeholders), a fifth is left to the model.
 */
final class GlossaryPlaceholders implements Adaptation {
    /** The names' spelt-out elisions, and the article: a term is a thing ("l'Espace Client"), seldom a name. */
    private static final Map<String, String> ELISIONS = elisions();
    /** Punctuation, an elision, the word, punctuation. */
    private static final Pattern WORD = Pattern.compile("(\\P{L}*)(?:(\\p{L}{1,6})['’](?=\\p{L}))?(.*?)(\\P{L}*)");

    private final List<NameSlot> slots = new ArrayList<>();

    /** A term with its words, split once for the unit. */
    private record Candidate(GlossaryTerm term, String[] words) {
    }

    static Adaptation.Adapter adapter() {
        return draft -> {
            List<GlossaryTerm> terms = draft.context().terms();
            if (!terms.isEmpty()) {
                new GlossaryPlaceholders().adapt(draft, terms.stream().map(t -> new Candidate(t, t.term().split("\\s+")))
                        .sorted(Comparator.comparingInt((Candidate c) -> c.words().length).reversed()).toList());
            }
        };
    }

    private void adapt(UnitDraft draft, List<Candidate> longestFirst) {
        List<String> free = NamePlaceholders.freePlaceholders(draft.text());
        List<MatchResult> parts = new ArrayList<>();
        for (int w = 0; w < draft.size(); w++) {
            parts.add(parts(draft.word(w)));
        }
        List<String> words = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        int w = 0;
        while (w < draft.size()) {
            Candidate term = free.isEmpty() ? null : termAt(parts, w, longestFirst);
            if (term == null) {
                words.add(draft.word(w));
                columns.add(draft.column(w));
                w++;
                continue;
            }
            int length = term.words().length;
            MatchResult first = parts.get(w);
            MatchResult last = parts.get(w + length - 1);
            String placeholder = free.remove(0);
            String elision = first.group(2) == null ? null : ELISIONS.get(first.group(2).toLowerCase(Locale.ROOT));
            if (elision != null) {
                words.add(first.group(1) + elision);
                columns.add(draft.column(w));
            }
            String lastWord = term.words()[length - 1];
            // What a chat writer glued to the term with no space ("paiement,Avec") stays glued to its placeholder.
            String glued = last.group(3).substring(lastWord.length()) + last.group(4);
            words.add((elision == null ? first.group(1) : "") + placeholder + glued);
            columns.add(draft.column(w));
            StringBuilder written = new StringBuilder();
            for (int k = 0; k < length; k++) {
                String part = parts.get(w + k).group(3);
                written.append(k == 0 ? "" : " ").append(k == length - 1 ? part.substring(0, lastWord.length()) : part);
            }
            String translation = term.term().translation();
            slots.add(new NameSlot(placeholder, translation != null ? translation : written.toString(), draft.column(w)));
            w += length;
        }
        if (!slots.isEmpty()) {
            draft.replaceWords(words, columns);
            draft.record(this);
        }
    }

    private static Map<String, String> elisions() {
        Map<String, String> out = new HashMap<>(NamePlaceholders.ELISIONS);
        out.put("l", "le");
        return Map.copyOf(out);
    }

    /** The longest term whose words start at word w, or null; parts: each word's, as {@link #WORD} reads it. */
    private static Candidate termAt(List<MatchResult> parts, int w, List<Candidate> longestFirst) {
        for (Candidate term : longestFirst) {
            String[] termWords = term.words();
            if (w + termWords.length > parts.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < termWords.length && matches; k++) {
                MatchResult m = parts.get(w + k);
                boolean inner = k > 0 || m.group(2) == null || ELISIONS.containsKey(m.group(2).toLowerCase(Locale.ROOT));
                // Punctuation may open the term's first word and close its last, not stand inside it.
                boolean edges = (k == 0 || m.group(1).isEmpty()) && (k == termWords.length - 1 || m.group(4).isEmpty())
                        && (k == 0 || m.group(2) == null);
                matches = inner && edges && (m.group(3).equalsIgnoreCase(termWords[k])
                        || k == termWords.length - 1 && gluedAfter(m.group(3), termWords[k]));
            }
            if (matches) {
                return term;
            }
        }
        return null;
    }

    /** The word is the term's word with punctuation and more glued after it, no space between ("paiement,Avec"). */
    private static boolean gluedAfter(String word, String termWord) {
        int n = termWord.length();
        return word.length() > n && word.regionMatches(true, 0, termWord, 0, n) && !Character.isLetterOrDigit(word.charAt(n))
                && word.charAt(n) != '-' && word.charAt(n) != '\'' && word.charAt(n) != '’';
    }

    private static MatchResult parts(String word) {
        Matcher m = WORD.matcher(word);
        if (!m.matches()) {
            throw new IllegalStateException("no match for " + word);
        }
        return m.toMatchResult();
    }

    @Override
    public void restore(UnitOutput output) {
        NamePlaceholders.restore(output, slots);
    }
}
