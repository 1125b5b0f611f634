package io.kafkatranslator.engine;

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
     * Pharaoh format, as Marian and fast_align print it: "j-i" (source word first) for each target
     * word i's strongest source word j, in target order.
     */
    public static String pharaoh(float[][] wordWeights) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < wordWeights.length; i++) {
            sb.append(i == 0 ? "" : " ").append(argmax(wordWeights[i])).append('-').append(i);
        }
        return sb.toString();
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
