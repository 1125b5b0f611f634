package io.kafkatranslator.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A hand word-aligned test set in the format of the HLT-NAACL 2003 shared task (lower-cased,
 * tokenised sentences, French contractions split; links "sentence english french S|P", 1-based),
 * turned into text the model can read: contractions restored ("de le" → "du", "de une" →
 * "d'une"), punctuation, hyphens, "$" and "aujourd' hui" attached the way the corpus writes them,
 * the first letter raised. Every word of that text keeps the gold positions it stands for, so a
 * link to "du" counts for both "de" and "le".
 */
public final class AlignmentTestSet {
    private static final Map<String, String> FUSED = Map.of("de le", "du", "de les", "des", "à le", "au", "à les", "aux");
    private static final Set<String> ELIDED = Set.of("de", "je", "me", "te", "se", "ne", "le", "la", "que", "jusque",
            "lorsque", "puisque", "quoique");
    private static final String VOWELS = "aeiouyhàâäéèêëîïôöûüœæ";

    /** One sentence pair: the model's text of each side, and for each of its words the gold positions (0-based). */
    public record Pair(String french, List<List<Integer>> frenchPositions, String english,
                       List<List<Integer>> englishPositions, int frenchTokens, int englishTokens) {
    }

    /** Gold links of a sentence, as english * 10000 + french (0-based): sure ones, and possible ones (sure included). */
    public record Gold(Set<Integer> sure, Set<Integer> possible) {
    }

    private final List<Pair> pairs;
    private final List<Gold> gold;

    private AlignmentTestSet(List<Pair> pairs, List<Gold> gold) {
        this.pairs = pairs;
        this.gold = gold;
    }

    public static AlignmentTestSet read(Path french, Path english, Path links) throws IOException {
        List<String> f = Files.readAllLines(french, StandardCharsets.UTF_8);
        List<String> e = Files.readAllLines(english, StandardCharsets.UTF_8);
        if (f.size() != e.size()) {
            throw new IllegalArgumentException(french + " and " + english + " differ in length");
        }
        List<Pair> pairs = new ArrayList<>();
        List<Gold> gold = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            pairs.add(pair(f.get(i), e.get(i)));
            gold.add(new Gold(new HashSet<>(), new HashSet<>()));
        }
        for (String line : Files.readAllLines(links, StandardCharsets.UTF_8)) {
            String[] c = line.trim().split("\\s+");
            if (c.length < 3) {
                continue;
            }
            Gold g = gold.get(Integer.parseInt(c[0]) - 1);
            int link = key(Integer.parseInt(c[1]) - 1, Integer.parseInt(c[2]) - 1);
            g.possible().add(link);
            if (c.length < 4 || c[3].equals("S")) {
                g.sure().add(link);
            }
        }
        return new AlignmentTestSet(pairs, gold);
    }

    public static int key(int english, int french) {
        return english * 10000 + french;
    }

    public List<Pair> pairs() {
        return pairs;
    }

    public List<Gold> gold() {
        return gold;
    }

    static Pair pair(String french, String english) {
        List<String> fTokens = List.of(french.trim().split("\\s+"));
        List<String> eTokens = List.of(english.trim().split("\\s+"));
        Words f = detokenize(contract(fTokens), true);
        Words e = detokenize(single(eTokens), false);
        return new Pair(f.text(), f.positions(), e.text(), e.positions(), fTokens.size(), eTokens.size());
    }

    private record Word(String text, List<Integer> positions) {
    }

    private record Words(String text, List<List<Integer>> positions) {
    }

    private static List<Word> single(List<String> tokens) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).equals("i") ? "I" : tokens.get(i);
            out.add(new Word(t, List.of(i)));
        }
        return out;
    }

    /** "de le" → "du", "de les" → "des", "à le(s)" → "au(x)", and elision before a vowel: "de une" → "d'une". */
    static List<Word> contract(List<String> tokens) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            String after = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
            boolean elidesNext = "le".equals(next) && startsWithVowel(after);
            if (next != null && FUSED.containsKey(t + " " + next) && !elidesNext) {
                out.add(new Word(FUSED.get(t + " " + next), List.of(i, i + 1)));
                i++;
            } else if (next != null && startsWithVowel(next)
                    && (ELIDED.contains(t) || (t.equals("si") && (next.equals("il") || next.equals("ils"))))) {
                out.add(new Word(t.substring(0, t.length() - 1) + "'" + next, List.of(i, i + 1)));
                i++;
            } else {
                out.add(new Word(t, List.of(i)));
            }
        }
        return out;
    }

    private static boolean startsWithVowel(String word) {
        return !word.isEmpty() && VOWELS.indexOf(Character.toLowerCase(word.charAt(0))) >= 0;
    }

    /**
     * Joins tokens into the words the corpus writes: "." "," ")" to the word before; "(" and "$" to
     * the word after; "a - b" and "aujourd' hui" into one word. French keeps its space before ? ! : ;
     */
    static Words detokenize(List<Word> tokens, boolean french) {
        List<StringBuilder> words = new ArrayList<>();
        List<List<Integer>> positions = new ArrayList<>();
        boolean glueNext = false;
        for (int i = 0; i < tokens.size(); i++) {
            Word w = tokens.get(i);
            String t = w.text();
            boolean attachesBack = t.equals(".") || t.equals(",") || t.equals(")") || t.equals("'")
                    || (!french && (t.equals("?") || t.equals("!") || t.equals(":") || t.equals(";")));
            boolean hyphen = t.equals("-") && !words.isEmpty() && i + 1 < tokens.size();
            if (!words.isEmpty() && (glueNext || attachesBack || hyphen)) {
                words.get(words.size() - 1).append(t);
                positions.get(positions.size() - 1).addAll(w.positions());
            } else {
                words.add(new StringBuilder(t));
                positions.add(new ArrayList<>(w.positions()));
            }
            glueNext = hyphen || t.equals("(") || t.equals("$") || (t.length() > 1 && t.endsWith("'"));
        }
        if (!words.isEmpty()) {
            StringBuilder first = words.get(0);
            first.replace(0, 1, first.substring(0, 1).toUpperCase(Locale.ROOT));
        }
        return new Words(String.join(" ", words), positions);
    }
}
