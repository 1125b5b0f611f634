package io.kafkatranslator.engine;

import io.kafkatranslator.segment.SpanKind;

import java.util.List;

/**
 * A translated message. Its alignments are carried by its segments, one block each, since a
 * sentence's target pieces attend only to its own source pieces: the message-level matrix is those
 * blocks on the diagonal, so what a result carries grows with the message, not with its square.
 * A block's weights[i][j] is how much target piece i attended to source piece j (end of sentence
 * left out of both axes, so a row sums to 1 minus the weight it gave to the source's end). The
 * word-level blocks cover the words a reader sees, protected spans included (each copy aligned with
 * weight 1 to its original): a word's row is the mean of its pieces' rows, a word's column the sum
 * of its pieces' columns. Blocks are empty when alignments are switched off. Character ranges are
 * in UTF-16 code units, as Java and JavaScript index strings.
 */
public record Translation(
        String text,
        double score,
        List<NBestEntry> nbest,
        List<String> sourcePieces,
        List<String> targetPieces,
        List<String> sourceWords,
        List<String> targetWords,
        int unknownsReplaced,
        List<Segment> segments,
        List<SpanCopy> spans,
        QualitySignal quality,
        Origin origin) implements TranslationOutcome {

    /**
     * What answered: the model; this instance's cache of recent translations (the model's earlier answer to the same
     * message); the tenant's translation memory (no model run but the one that aligns it); or nothing (the message
     * returned as it was, or deleted).
     */
    public enum Origin { MODEL, CACHE, MEMORY, NONE }

    public record NBestEntry(String text, double score) {
    }

    /** Nothing: what is left of a deleted message. */
    public static Translation empty() {
        return new Translation("", 0, List.of(), List.of(), List.of(), List.of(), List.of(), 0, List.of(), List.of(), null,
                Origin.NONE);
    }

    /** The message returned as it is, no model run (already in its target language, or its language unknown). */
    public static Translation unchanged(String text) {
        List<String> words = List.of(text.strip().split("\\s+"));
        float[][] identity = new float[words.size()][words.size()];
        for (int i = 0; i < words.size(); i++) {
            identity[i][i] = 1f;
        }
        Segment whole = new Segment(0, text.length(), 0, text.length(), false, null, Block.EMPTY,
                new Block(0, 0, words.size(), identity));
        return new Translation(text, 0, List.of(new NBestEntry(text, 0)), List.of(), List.of(),
                words, words, 0, List.of(whole), List.of(), null, Origin.NONE);
    }

    /**
     * A translation memory's answer, aligned as the model aligns it when forced through it (null: it could not be,
     * and the answer has no alignment): one segment, the whole message; pieces and spans are not carried.
     */
    public static Translation remembered(String source, String translation, ForcedAlignment aligned) {
        double score = aligned == null ? 0 : aligned.logProb() / aligned.targetPieces();
        Block words = aligned == null ? Block.EMPTY : new Block(0, 0, aligned.sourceWords().size(), aligned.weights());
        Segment whole = new Segment(0, source.length(), 0, translation.length(), true, null, Block.EMPTY, words);
        return new Translation(translation, score, List.of(new NBestEntry(translation, score)), List.of(), List.of(),
                aligned == null ? List.of() : aligned.sourceWords(), aligned == null ? List.of() : aligned.targetWords(), 0,
                List.of(whole), List.of(), null, Origin.MEMORY);
    }

    /** The same translation, answered by another origin. */
    public Translation from(Origin answeredBy) {
        return new Translation(text, score, nbest, sourcePieces, targetPieces, sourceWords, targetWords, unknownsReplaced,
                segments, spans, quality, answeredBy);
    }

    /**
     * A sentence (or chunk) of the message and its translation, with its alignment blocks over the
     * message's pieces and words; quality is null when it was copied, not translated.
     */
    public record Segment(int sourceStart, int sourceEnd, int targetStart, int targetEnd, boolean translated,
                          QualitySignal quality, Block pieces, Block words) {
    }

    /**
     * Rows [row, row + weights.length) and columns [column, column + columns) of a message-level
     * matrix; every weight outside a segment's block is 0.
     */
    public record Block(int row, int column, int columns, float[][] weights) {
        public static final Block EMPTY = new Block(0, 0, 0, new float[0][]);
    }

    /** A protected span and where its verbatim copy stands in the translation. */
    public record SpanCopy(SpanKind kind, int sourceStart, int sourceEnd, int targetStart, int targetEnd) {
    }

    /** The message-level subword matrix (target pieces x source pieces), for readers that show or score it whole. */
    public float[][] alignment() {
        return dense(segments.stream().map(Segment::pieces).toList(), targetPieces.size(), sourcePieces.size());
    }

    /** The message-level word matrix (target words x source words). */
    public float[][] wordAlignment() {
        return dense(segments.stream().map(Segment::words).toList(), targetWords.size(), sourceWords.size());
    }

    /** Blocks laid on the diagonal of a rows x columns matrix. */
    public static float[][] dense(List<Block> blocks, int rows, int columns) {
        float[][] out = new float[rows][columns];
        for (Block b : blocks) {
            for (int i = 0; i < b.weights().length; i++) {
                System.arraycopy(b.weights()[i], 0, out[b.row() + i], b.column(), b.weights()[i].length);
            }
        }
        return out;
    }
}
