package io.kafkatranslator.tokenize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a model's training sources (training/lexicon.py): which words the model has seen,
 * and the accents a writer left out. A word typed without accents is given the form that training
 * text used most between the same neighbours ("il a faim" keeps "a", "ca va a Paris" becomes "ça va
 * à Paris"); a word with no other form, or never seen, stays as written. Immutable, thread-safe.
 */
public final class SourceLexicon {
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern MARK = Pattern.compile("\\p{Mn}");
    private static final String START = "<s>";
    private static final String END = "</s>";
    /** Add-alpha smoothing of the neighbour counts (chosen on the dev split: training/README.md). */
    private static final double ALPHA = 0.01;
    private static final int NEIGHBOURS = 50;

    private final Map<String, Integer> counts = new HashMap<>();
    /** Every form of an accentless key, for the keys with more than one. */
    private final Map<String, List<String>> forms = new HashMap<>();
    /** Each key's most frequent form. */
    private final Map<String, String> best = new HashMap<>();
    private final Map<String, Integer> before = new HashMap<>();
    private final Map<String, Integer> after = new HashMap<>();

    private SourceLexicon() {
    }

    public static SourceLexicon read(Path file) {
        SourceLexicon lexicon = new SourceLexicon();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lexicon.add(line.split("\t"), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source lexicon " + file, e);
        }
        return lexicon;
    }

    private void add(String[] f, Path file) {
        switch (f[0]) {
            case "w" -> {
                // Lines come most frequent first, so a key's first form is its best.
                counts.put(f[1], Integer.parseInt(f[2]));
                String key = key(f[1]);
                if (best.putIfAbsent(key, f[1]) != null) {
                    forms.computeIfAbsent(key, k -> new ArrayList<>(List.of(best.get(k)))).add(f[1]);
                }
            }
            case "p" -> before.put(f[1] + '\t' + f[2], Integer.parseInt(f[3]));
            case "n" -> after.put(f[1] + '\t' + f[2], Integer.parseInt(f[3]));
            default -> throw new IllegalArgumentException("not a source lexicon line in " + file + ": " + String.join("\t", f));
        }
    }

    /** How often the training sources have this word, in any case, with or without its accents (its commonest form's count). */
    public int count(String word) {
        String form = best.get(key(word.toLowerCase(Locale.ROOT)));
        return form == null ? 0 : counts.getOrDefault(form, 0);
    }

    /** Whether the training sources have this word, in any case, with or without its accents. */
    public boolean knows(String word) {
        return best.containsKey(key(word.toLowerCase(Locale.ROOT)));
    }

    /**
     * The sentence with the accents of each word put back, its case kept. A sentence with a known
     * word written with accents is returned as it is: a writer who types some types them all (the
     * accents of a name the lexicon lacks say nothing).
     */
    public String restoreAccents(String sentence) {
        List<int[]> runs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Matcher m = LETTERS.matcher(sentence);
        while (m.find()) {
            String lower = m.group().toLowerCase(Locale.ROOT);
            String key = key(lower);
            if (!key.equals(lower) && best.containsKey(key)) {
                return sentence;
            }
            runs.add(new int[] {m.start(), m.end()});
            keys.add(key);
        }
        StringBuilder out = new StringBuilder(sentence);
        for (int i = runs.size() - 1; i >= 0; i--) {
            String key = keys.get(i);
            String form = form(key, i == 0 ? START : keys.get(i - 1), i + 1 == keys.size() ? END : keys.get(i + 1));
            if (form != null && !form.equals(key)) {
                int[] r = runs.get(i);
                out.replace(r[0], r[1], withCaseOf(form, sentence.substring(r[0], r[1])));
            }
        }
        return out.toString();
    }

    /** The form that best fits between the two neighbouring keys, or null for a key never seen. */
    private String form(String key, String previous, String next) {
        List<String> candidates = forms.get(key);
        if (candidates == null) {
            return best.get(key);
        }
        String chosen = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String f : candidates) {
            double c = counts.get(f);
            double score = Math.log(c)
                    + Math.log((before.getOrDefault(previous + '\t' + f, 0) + ALPHA) / (c + ALPHA * NEIGHBOURS))
                    + Math.log((after.getOrDefault(f + '\t' + next, 0) + ALPHA) / (c + ALPHA * NEIGHBOURS));
            if (score > bestScore) {
                bestScore = score;
                chosen = f;
            }
        }
        return chosen;
    }

    private static String withCaseOf(String form, String written) {
        if (written.length() > 1 && written.equals(written.toUpperCase(Locale.ROOT))) {
            return form.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(written.codePointAt(0))) {
            int first = form.offsetByCodePoints(0, 1);
            return form.substring(0, first).toUpperCase(Locale.ROOT) + form.substring(first);
        }
        return form;
    }

    private static String key(String word) {
        // Most words are plain ASCII: nothing to take off, and the lexicon is read at every start.
        if (word.chars().allMatch(c -> c < 0x80)) {
            return word;
        }
        return Normalizer.normalize(MARK.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC);
    }
}
