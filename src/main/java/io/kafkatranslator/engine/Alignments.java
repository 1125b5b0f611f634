package io.kafkatranslator.engine;

import java.util.ArrayList;
import java.util.List;

/** Attention matrices cut and merged for readers (see {@link Translation}). */
public final class Alignments {
    private Alignments() {
    }

    /** Rows of the target pieces, columns of the source pieces: the end-of-sentence row and column go. */
    static float[][] subword(float[][] attention, int targetPieces, int sourcePieces) {
        float[][] out = new float[targetPieces][];
        for (int i = 0; i < targetPieces; i++) {
            out[i] = java.util.Arrays.copyOf(attention[i], sourcePieces);
        }
        return out;
    }

    /** A word's row is the mean of its pieces' rows; a word's column the sum of its pieces' columns. */
    static float[][] words(float[][] pieces, int[] targetWordOf, int targetWords, int[] sourceWordOf, int sourceWords) {
        float[][] out = new float[targetWords][sourceWords];
        int[] piecesPerWord = new int[targetWords];
        for (int i = 0; i < pieces.length; i++) {
            piecesPerWord[targetWordOf[i]]++;
            for (int j = 0; j < pieces[i].length; j++) {
                out[targetWordOf[i]][sourceWordOf[j]] += pieces[i][j];
            }
        }
        for (int w = 0; w < targetWords; w++) {
            for (int j = 0; j < sourceWords; j++) {
                out[w][j] /= Math.max(1, piecesPerWord[w]);
            }
        }
        return out;
    }

    /**
     * The word links a reader is shown: target word i and source word j linked where each is the
     * other's strongest (SimAlign's "argmax" rule, Jalili Sabet et al. 2020). A word whose strongest
     * partner prefers another stays unlinked, as function words are in human alignments; the
     * one-sided rule (every target word to its strongest source word) links them anyway and scores
     * worse against them (docs/alignment.md). Pairs {j, i}, in target order.
     */
    public static List<int[]> links(float[][] wordWeights) {
        int sources = wordWeights.length == 0 ? 0 : wordWeights[0].length;
        int[] strongestTarget = new int[sources];
        for (int j = 0; j < sources; j++) {
            for (int i = 1; i < wordWeights.length; i++) {
                if (wordWeights[i][j] > wordWeights[strongestTarget[j]][j]) {
                    strongestTarget[j] = i;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < wordWeights.length; i++) {
            int j = argmax(wordWeights[i]);
            if (sources > 0 && strongestTarget[j] == i) {
                out.add(new int[] {j, i});
            }
        }
        return out;
    }

    /** {@link #links} in Pharaoh format, as Marian and fast_align print it: "j-i", source word first, 0-based. */
    public static String pharaoh(float[][] wordWeights) {
        StringBuilder sb = new StringBuilder();
        for (int[] link : links(wordWeights)) {
            sb.append(sb.isEmpty() ? "" : " ").append(link[0]).append('-').append(link[1]);
        }
        return sb.toString();
    }

    public static int argmax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
