package io.kafkatranslator.align;

import io.kafkatranslator.tokenize.SubwordTokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How alike a target word and a source word are spelt: an input of the alignment layer, computed
 * exactly as training/similarity.py computes it (the same cases are pinned on both sides). English
 * and French share thousands of words by origin and copy names and numbers; where a word is rare in
 * the corpus, its spelling is the best evidence of what it aligns to.
 */
public final class SpellingSimilarity {
    private static final Pattern ELISION = Pattern.compile("^(?:qu|[a-z])'");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MIN_PREFIX = 4;

    private SpellingSimilarity() {
    }

    /** Lower case, accents stripped, surrounding non-letters and non-digits and a French elision removed. */
    static int[] fold(String word) {
        String bare = MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        int[] cps = bare.codePoints().toArray();
        int from = 0;
        int to = cps.length;
        while (from < to && !letterOrDigit(cps[from])) {
            from++;
        }
        while (to > from && !letterOrDigit(cps[to - 1])) {
            to--;
        }
        String trimmed = new String(cps, from, to - from);
        return ELISION.matcher(trimmed).replaceFirst("").codePoints().toArray();
    }

    private static boolean letterOrDigit(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp);
    }

    /**
     * 1 for the same folded word of 3 characters or more, or holding a digit ("on", "a" are different
     * words in the two languages); the shared prefix over the longer word where it is 4 characters or
     * more; 0 otherwise.
     */
    static double similarity(String a, String b) {
        return folded(fold(a), fold(b));
    }

    private static double folded(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int prefix = 0;
        while (prefix < Math.min(x.length, y.length) && x[prefix] == y[prefix]) {
            prefix++;
        }
        if (prefix == x.length && prefix == y.length) {
            return x.length >= 3 || java.util.Arrays.stream(x).anyMatch(Character::isDigit) ? 1 : 0;
        }
        return prefix >= MIN_PREFIX ? (double) prefix / Math.max(x.length, y.length) : 0;
    }

    /**
     * [target piece][source piece]: the similarity of the words the two pieces belong to, the words
     * spelt from the pieces (a piece starting with the boundary marker opens a word).
     */
    public static float[][] pieceMatrix(String[] targetPieces, String[] sourcePieces) {
        List<String> targetWords = new ArrayList<>();
        int[] targetWordOf = words(targetPieces, targetWords);
        List<String> sourceWords = new ArrayList<>();
        int[] sourceWordOf = words(sourcePieces, sourceWords);
        int[][] targetFolded = targetWords.stream().map(SpellingSimilarity::fold).toArray(int[][]::new);
        int[][] sourceFolded = sourceWords.stream().map(SpellingSimilarity::fold).toArray(int[][]::new);
        float[][] table = new float[targetFolded.length][sourceFolded.length];
        for (int t = 0; t < table.length; t++) {
            for (int s = 0; s < table[t].length; s++) {
                table[t][s] = (float) folded(targetFolded[t], sourceFolded[s]);
            }
        }
        float[][] out = new float[targetPieces.length][sourcePieces.length];
        for (int t = 0; t < targetPieces.length; t++) {
            for (int s = 0; s < sourcePieces.length; s++) {
                out[t][s] = table[targetWordOf[t]][sourceWordOf[s]];
            }
        }
        return out;
    }

    private static int[] words(String[] pieces, List<String> spelt) {
        int[] wordOf = SubwordTokenizer.wordIndex(pieces);
        List<StringBuilder> words = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            if (wordOf[i] == words.size()) {
                words.add(new StringBuilder());
            }
            int start = 0;
            while (start < pieces[i].length() && pieces[i].charAt(start) == SubwordTokenizer.WORD_START) {
                start++;
            }
            words.get(wordOf[i]).append(pieces[i], start, pieces[i].length());
        }
        words.forEach(w -> spelt.add(w.toString()));
        return wordOf;
    }
}
