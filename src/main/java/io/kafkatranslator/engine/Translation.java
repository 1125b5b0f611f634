package io.kafkatranslator.engine;

import io.kafkatranslator.segment.SpanKind;

import java.util.List;

/**
 * A translated message. Alignments are attention weights over the whole message, block by block for
 * its sentences: alignment[i][j] is how much target piece i attended to source piece j (end of
 * sentence left out of both axes, so a row sums to 1 minus the weight it gave to the source's end).
 * The word-level matrix covers the words a reader sees, protected spans included (each copy aligned
 * with weight 1 to its original): a word's row is the mean of its pieces' rows, a word's column the
 * sum of its pieces' columns. Both are empty when alignments are switched off. Character ranges are
 * in UTF-16 code units, as Java and JavaScript index strings.
 */
public record Translation(
        String text,
        double score,
        List<NBestEntry> nbest,
        List<String> sourcePieces,
        List<String> targetPieces,
        float[][] alignment,
        List<String> sourceWords,
        List<String> targetWords,
        float[][] wordAlignment,
        int unknownsReplaced,
        List<Segment> segments,
        List<SpanCopy> spans,
        Quality quality) implements TranslationOutcome {

    public record NBestEntry(String text, double score) {
    }

    /** The message returned as it is, no model run (already in its target language, or its language unknown). */
    public static Translation unchanged(String text) {
        List<String> words = List.of(text.strip().split("\\s+"));
        float[][] identity = new float[words.size()][words.size()];
        for (int i = 0; i < words.size(); i++) {
            identity[i][i] = 1f;
        }
        return new Translation(text, 0, List.of(new NBestEntry(text, 0)), List.of(), List.of(), new float[0][],
                words, words, identity, 0, List.of(new Segment(0, text.length(), 0, text.length(), false, null)), List.of(), null);
    }

    /** A sentence (or chunk) of the message and its translation; quality is null when it was copied, not translated. */
    public record Segment(int sourceStart, int sourceEnd, int targetStart, int targetEnd, boolean translated,
                          Quality quality) {
    }

    /** A protected span and where its verbatim copy stands in the translation. */
    public record SpanCopy(SpanKind kind, int sourceStart, int sourceEnd, int targetStart, int targetEnd) {
    }
}
