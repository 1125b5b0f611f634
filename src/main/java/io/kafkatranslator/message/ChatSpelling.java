package io.kafkatranslator.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat spelling ("stp", "jsuis", "dac", "idk", "u", "dont") is not what the model learnt from: it
 * read "jsuis dispo mtn" as "I'm saying". A word of the project's list for the source language
 * ({@code src/main/resources/chat-spelling/LANG.tsv}, README.md "Chat spelling") is given to the
 * model spelt out ("je suis disponible maintenant"), and what was written is recorded. Nothing is
 * undone: the translation of the spelt-out words is the translation of what was written.
 */
public final class ChatSpelling implements Adaptation {
    /** A word as written, at source column column, and the words the model was given for it. */
    record Expansion(String written, String expansion, int column) {
    }

    /** Punctuation, the word (with its apostrophes), punctuation. */
    private static final Pattern WORD = Pattern.compile("(\\P{L}*)([\\p{L}'’]+)(\\P{L}*)");

    private final List<Expansion> expansions;

    private ChatSpelling(List<Expansion> expansions) {
        this.expansions = expansions;
    }

    /** The spelling list of a source language (none for a language without one). */
    static Adapter adapter(String language) {
        Map<String, String> spelling = list(language);
        return draft -> {
            if (spelling.isEmpty()) {
                return;
            }
            List<String> words = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            List<Expansion> expansions = new ArrayList<>();
            for (int w = 0; w < draft.size(); w++) {
                String word = draft.word(w);
                Matcher m = WORD.matcher(word);
                String expansion = m.matches() ? spelling.get(m.group(2).replace('’', '\'').toLowerCase(Locale.ROOT)) : null;
                String spelt = expansion == null ? word : m.group(1) + cased(expansion, m.group(2)) + m.group(3);
                if (spelt.equals(word)) {
                    words.add(word);
                    columns.add(draft.column(w));
                    continue;
                }
                expansions.add(new Expansion(word, spelt, draft.column(w)));
                for (String part : spelt.split(" ")) {
                    words.add(part);
                    columns.add(draft.column(w));
                }
            }
            if (!expansions.isEmpty()) {
                draft.replaceWords(words, columns);
                draft.record(new ChatSpelling(expansions));
            }
        };
    }

    /** "Stp" opens a sentence: "S'il te plaît". */
    private static String cased(String expansion, String written) {
        return Character.isUpperCase(written.charAt(0))
                ? expansion.substring(0, 1).toUpperCase(Locale.ROOT) + expansion.substring(1) : expansion;
    }

    /** The project's list for a language, as written → spelt out, in its file's order; empty for a language without one. */
    public static Map<String, String> list(String language) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : WordLists.entries("/chat-spelling/" + language + ".tsv")) {
            String[] f = entry.split("\t");
            out.put(f[0], f[1]);
        }
        return out;
    }

    List<Expansion> expansions() {
        return expansions;
    }

    @Override
    public void restore(UnitOutput output) {
        // The model translated the spelt-out words: there is nothing of the writer's to put back.
    }
}
