package io.kafkatranslator.topology;

import io.kafkatranslator.engine.QualitySignal;
import io.kafkatranslator.schema.Quality;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.schema.ProtectedSpanCopy;
import io.kafkatranslator.schema.ScoredTranslation;
import io.kafkatranslator.schema.Segment;
import io.kafkatranslator.schema.TranslationResult;

/**
 * A translation as the result schema carries it: text, n-best list, pieces, words, quality,
 * protected spans, and each segment with its alignment blocks in the compact encoding
 * ({@link AlignmentCodec}). The caller adds the ids, the source text, languages and timings.
 */
public final class TranslationResults {
    private TranslationResults() {
    }

    public static TranslationResult.Builder of(Translation t) {
        return TranslationResult.newBuilder()
                .setRequestId("")
                .setConversationId("")
                .setTranslation(t.text())
                .setScore(t.score())
                .setNbest(t.nbest().stream().map(n -> new ScoredTranslation(n.text(), n.score())).toList())
                .setSourceTokens(t.sourcePieces())
                .setTargetTokens(t.targetPieces())
                .setSourceWords(t.sourceWords())
                .setTargetWords(t.targetWords())
                .setQuality(quality(t.quality()))
                .setSegments(t.segments().stream().map(TranslationResults::segment).toList())
                .setProtectedSpans(t.spans().stream().map(s -> new ProtectedSpanCopy(s.kind().name(), s.sourceStart(),
                        s.sourceEnd(), s.targetStart(), s.targetEnd())).toList());
    }

    private static Segment segment(Translation.Segment s) {
        Translation.Block pieces = s.pieces();
        Translation.Block words = s.words();
        return Segment.newBuilder().setSourceStart(s.sourceStart()).setSourceEnd(s.sourceEnd())
                .setTargetStart(s.targetStart()).setTargetEnd(s.targetEnd())
                .setTranslated(s.translated()).setQuality(quality(s.quality()))
                .setSourceTokenStart(pieces.column()).setSourceTokenEnd(pieces.column() + pieces.columns())
                .setTargetTokenStart(pieces.row()).setTargetTokenEnd(pieces.row() + pieces.weights().length)
                .setAlignment(AlignmentCodec.encode(pieces.weights()))
                .setSourceWordStart(words.column()).setSourceWordEnd(words.column() + words.columns())
                .setTargetWordStart(words.row()).setTargetWordEnd(words.row() + words.weights().length)
                .setWordAlignment(AlignmentCodec.encode(words.weights()))
                .build();
    }

    private static Quality quality(QualitySignal q) {
        return q == null ? null : new Quality(q.meanLogProb(), q.coverage(), q.lowConfidence());
    }
}
