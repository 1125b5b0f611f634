package io.kafkatranslator.message;

import io.kafkatranslator.message.UnitOutput.Token;
import io.kafkatranslator.tokenize.SourceLexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A capitalised word the training sources never had is a name the model cannot know: it would
 * translate it piece by piece into something else. The model is given a placeholder instead, a name
 * it always copies (Tom, Mary, John and Alice are written the same on both sides of the corpus),
 * and the name is put back where the placeholder comes out: the grammar around a name stays a
 * name's, which taking it out, as protected spans are, would break. An elision before the name is
 * spelt out ("d'Aurélien" is given as "de Tom": the corpus has no "d'Tom"). In a sentence in
 * capitals (given to the model in lower case) every unknown word is taken for a name. Outside one, a
 * word in capitals (two capitals or more: an acronym, a product or company name, an anonymisation
 * token such as "NAME-M" or "PRS-ORG") is kept the same way: the model read it as letters and words
 * to translate ("AIR-FRANCE" came back "LIKE"). Only a single word the training sources have often
 * in some case ("TV" and "OK" in English) is left to the model, which demonstrably learnt it and
 * gives the target's usual form ("télé", "d'accord"). One per sentence:
 * placeholders the sentence already has are not used, and a fifth name is left to the model. A given
 * name that is also a word is a name wherever it stands in a conversation one of whose participants
 * bears it ("Pierre est là." where Pierre takes part is "Pierre is here.", not "Pretre is here."). A
 * name whose placeholder the model left out goes after the target word aligned with it: never lost.
 */
final class NamePlaceholders implements Adaptation {
    /** A name the model saw as the placeholder, at source column column. */
    record NameSlot(String placeholder, String name, int column) {
    }

    static final List<String> PLACEHOLDERS = List.of("Tom", "Mary", "John", "Alice");
    static final Map<String, String> ELISIONS = Map.of("d", "de", "qu", "que", "jusqu", "jusque",
            "lorsqu", "lorsque", "puisqu", "puisque");
    /** Punctuation and an elision; a capitalised word with hyphenated parts; a possessive and punctuation. */
    private static final Pattern CAPITALISED = Pattern.compile(
            "(\\P{L}*)(?:(\\p{L}{1,6})['’])?(\\p{Lu}\\p{L}*(?:-\\p{L}+)*)((?:['’]s)?\\P{L}*)");
    /** The same, in lower case: a word of a sentence written in capitals. */
    private static final Pattern LOWERED = Pattern.compile(
            "(\\P{L}*)(?:(\\p{L}{1,6})['’])?(\\p{L}+(?:-\\p{L}+)*)((?:['’]s)?\\P{L}*)");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    /** A word in capitals the training sources have this often is one the model learnt ("tv" 274 times in English, "pdf" never). */
    private static final int LEARNT = 100;
    private static final Map<String, Pattern> AS_WORD = PLACEHOLDERS.stream()
            .collect(Collectors.toMap(p -> p, p -> Pattern.compile("(?<!\\p{L})" + p + "(?!\\p{L})")));
    /** The same in lower case, as the first word of a chunk that goes on a sentence is given back. */
    private static final Map<String, Pattern> AS_LOWERED_WORD = PLACEHOLDERS.stream()
            .collect(Collectors.toMap(p -> p, p -> Pattern.compile("(?<!\\p{L})" + FirstLetter.lowerFirst(p) + "(?!\\p{L})")));

    private final SourceLexicon lexicon;
    private final Set<String> namesAlsoWords;
    private final boolean shouted;
    private final Set<String> conversationNames;
    private final List<String> free;
    private final List<NameSlot> slots = new ArrayList<>();

    /** language: the source's, whose list of given names that are also words this reads. */
    static Adapter adapter(SourceLexicon lexicon, String language) {
        Set<String> namesAlsoWords = Set.copyOf(WordLists.entries("/names/" + language + ".txt"));
        return draft -> {
            // The glossary's placeholders are in the words already: they are not free.
            NamePlaceholders names = new NamePlaceholders(lexicon, namesAlsoWords, draft.context().conversationNames(),
                    draft.text() + " " + String.join(" ", draft.words()), draft.lowerCased());
            List<String> words = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            for (int w = 0; w < draft.size(); w++) {
                for (String modelWord : names.modelWords(draft.word(w), draft.column(w), names.nameSpot(draft, w))) {
                    words.add(modelWord);
                    columns.add(draft.column(w));
                }
            }
            if (!names.slots.isEmpty()) {
                draft.replaceWords(words, columns);
                draft.record(names);
            }
        };
    }

    /** For one sentence, as written; shouted: written in capitals, its words given in lower case. */
    private NamePlaceholders(SourceLexicon lexicon, Set<String> namesAlsoWords, Set<String> conversationNames, String sentence,
                             boolean shouted) {
        this.conversationNames = conversationNames;
        this.lexicon = lexicon;
        this.namesAlsoWords = namesAlsoWords;
        this.shouted = shouted;
        this.free = freePlaceholders(sentence);
    }

    /** The placeholders the text does not hold as a word: the ones a sentence may be given for its names or terms. */
    static List<String> freePlaceholders(String text) {
        List<String> free = new ArrayList<>(PLACEHOLDERS);
        Matcher letters = LETTERS.matcher(text);
        while (letters.find()) {
            free.remove(letters.group());
        }
        return free;
    }

    /**
     * The model words for one source word: the word itself, or, where it is an unknown name, the
     * spelt-out elision if any and the placeholder. column: the source word's.
     */
    private List<String> modelWords(String word, int column, boolean nameSpot) {
        Matcher m = (shouted ? LOWERED : CAPITALISED).matcher(word);
        if (free.isEmpty() || !m.matches() || !isName(m.group(3), nameSpot)) {
            return List.of(word);
        }
        String elision = m.group(2) == null ? null : ELISIONS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (m.group(2) != null && elision == null) {
            return List.of(word);
        }
        String placeholder = free.remove(0);
        if (elision == null) {
            slots.add(new NameSlot(placeholder, m.group(3), column));
            return List.of(m.group(1) + placeholder + m.group(4));
        }
        if (Character.isUpperCase(m.group(2).charAt(0))) {
            elision = elision.substring(0, 1).toUpperCase(Locale.ROOT) + elision.substring(1);
        }
        slots.add(new NameSlot(placeholder, m.group(3), column));
        return List.of(m.group(1) + elision, placeholder + m.group(4));
    }

    /**
     * Where chat writers put a name: not first in the sentence, or first and addressing someone (a comma
     * after it: "Pierre est là" may be the stone), and not inside a longer proper noun ("la Maison Blanche",
     * "Pearl Harbor"), whose capitalised neighbour is a word the lexicon has.
     */
    private boolean nameSpot(UnitDraft draft, int w) {
        boolean opening = w == 0 && !draft.continues();
        boolean previousCapitalised = w > 1 || (w == 1 && draft.continues()) ? capitalised(draft.word(w - 1)) : false;
        boolean nextCapitalisedWord = w + 1 < draft.size() && capitalised(draft.word(w + 1))
                && lexicon.knows(draft.word(w + 1).replaceAll("\\P{L}", ""));
        return (!opening || draft.word(w).endsWith(",")) && !previousCapitalised && !nextCapitalisedWord;
    }

    private static boolean capitalised(String word) {
        Matcher m = LETTERS.matcher(word);
        return m.find() && Character.isUpperCase(m.group().charAt(0));
    }

    /**
     * In capitals outside a shouted sentence ("SNCF", not "A", nor a word the model learnt); a given name that
     * is also a word, in a name's spot; or with a part the lexicon does not have.
     */
    private boolean isName(String word, boolean nameSpot) {
        if (!shouted && word.codePoints().noneMatch(Character::isLowerCase)) {
            boolean learnt = LETTERS.matcher(word).matches() && lexicon.count(word) >= LEARNT;
            return word.codePoints().filter(Character::isUpperCase).count() >= 2 && !learnt;
        }
        if (!shouted && (nameSpot || conversationNames.contains(word)) && namesAlsoWords.contains(word)) {
            return true;
        }
        Matcher parts = LETTERS.matcher(word);
        while (parts.find()) {
            if (!lexicon.knows(parts.group())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void restore(UnitOutput output) {
        restore(output, slots);
    }

    /**
     * Each slot's placeholder in the translation turned back into its name (or, for the glossary, its
     * rendering); a slot whose placeholder the model left out goes after the target word aligned with it.
     */
    static void restore(UnitOutput output, List<NameSlot> slots) {
        List<Token> words = output.tokens();
        int[] found = new int[slots.size()];
        for (int t = 0; t < words.size(); t++) {
            words.set(t, words.get(t).withText(restore(words.get(t).text(), t == 0, slots, found)));
        }
        for (int s = 0; s < found.length; s++) {
            if (found[s] == 0) {
                NameSlot slot = slots.get(s);
                words.add(output.alignedWord(slot.column()) + 1, new Token(slot.name(), true, output.oneHot(slot.column()), null));
            }
        }
    }

    /**
     * The word with the placeholders in it turned back into their names; found[s] counts slot s's.
     * opening: the unit's first word, where a placeholder in lower case gives its name in lower case.
     */
    private static String restore(String word, boolean opening, List<NameSlot> slots, int[] found) {
        String out = word;
        for (int s = 0; s < slots.size(); s++) {
            NameSlot slot = slots.get(s);
            Matcher m = AS_WORD.get(slot.placeholder()).matcher(out);
            String name = slot.name();
            if (!m.find() && opening) {
                m = AS_LOWERED_WORD.get(slot.placeholder()).matcher(out);
                name = FirstLetter.lowerFirst(name);
            }
            if (m.find(0)) {
                found[s]++;
                out = m.replaceAll(Matcher.quoteReplacement(name));
            }
        }
        return out;
    }
}
