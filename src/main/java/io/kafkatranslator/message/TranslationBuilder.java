package io.kafkatranslator.message;

import io.kafkatranslator.engine.QualitySignal;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.message.MessageAssembler.RenderedUnit;
import io.kafkatranslator.message.UnitOutput.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Concatenates a message's unit translations with the message's own whitespace between them, and
 * builds the message-level text, alignment blocks, span copies and quality.
 */
final class TranslationBuilder {
    private final String message;
    private final StringBuilder target = new StringBuilder();
    private final List<String> sourcePieces = new ArrayList<>();
    private final List<String> targetPieces = new ArrayList<>();
    private final List<String> sourceWords = new ArrayList<>();
    private final List<String> targetWords = new ArrayList<>();
    private final List<Translation.Segment> segments = new ArrayList<>();
    private final List<Translation.SpanCopy> spans = new ArrayList<>();
    private int previousEnd;
    private int replaced;
    private int translatedUnits;
    private double scoreSum;
    private double logProb;
    private int steps;
    private double covered;
    private int pieces;
    private boolean lowConfidence;

    TranslationBuilder(String message) {
        this.message = message;
    }

    void add(Unit u, RenderedUnit o) {
        target.append(message, previousEnd, u.start());
        previousEnd = u.end();
        int targetStart = target.length();
        QualitySignal quality = null;
        Translation.Block pieceBlock = new Translation.Block(targetPieces.size(), sourcePieces.size(), 0, new float[0][]);
        Translation.Block wordBlock;
        if (!u.translatable()) {
            target.append(message, u.start(), u.end());
            wordBlock = new Translation.Block(targetWords.size(), sourceWords.size(), u.sourceWords().size(),
                    o.tokens().stream().map(Token::row).toArray(float[][]::new));
            o.tokens().forEach(t -> targetWords.add(t.text()));
            int offset = targetStart - u.start();
            u.spans().forEach(s -> spans.add(new Translation.SpanCopy(s.kind(), s.start(), s.end(), s.start() + offset,
                    s.end() + offset)));
        } else {
            List<String> words = new ArrayList<>();
            List<float[]> rows = new ArrayList<>();
            appendTokens(o.tokens(), targetStart, words, rows);
            quality = QualitySignal.of(o.logProb(), o.steps(), o.covered(), o.sourcePieces().size(), o.fromPhrasebook());
            pieceBlock = new Translation.Block(targetPieces.size(), sourcePieces.size(), o.sourcePieces().size(), o.subword());
            sourcePieces.addAll(o.sourcePieces());
            targetPieces.addAll(o.targetPieces());
            wordBlock = new Translation.Block(targetWords.size(), sourceWords.size(), u.sourceWords().size(),
                    rows.toArray(float[][]::new));
            targetWords.addAll(words);
            translatedUnits++;
            scoreSum += o.score();
            logProb += o.logProb();
            steps += o.steps();
            covered += o.covered();
            pieces += o.sourcePieces().size();
            lowConfidence |= quality.lowConfidence();
            replaced += o.replaced();
        }
        sourceWords.addAll(u.sourceWords());
        segments.add(new Translation.Segment(u.start(), u.end(), targetStart, target.length(), u.translatable(), quality,
                pieceBlock, wordBlock));
    }

    /** Writes a unit's tokens, spaced as they say, and collects the words a reader sees with their alignment rows. */
    private void appendTokens(List<Token> tokens, int targetStart, List<String> words, List<float[]> rows) {
        boolean onlySpan = false;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.spaceBefore() && target.length() > targetStart) {
                target.append(' ');
            }
            int start = target.length();
            target.append(token.text());
            if (token.span() != null) {
                spans.add(new Translation.SpanCopy(token.span().kind(), token.span().start(), token.span().end(),
                        start, target.length()));
            }
            if (token.spaceBefore() || t == 0) {
                words.add(token.text());
                rows.add(token.row());
                onlySpan = token.span() != null;
            } else {
                // Glued to the word before it ("late" + "."): one word, aligned as that word, or as
                // this one where it is a word after a span ("(" + "or").
                words.set(words.size() - 1, words.get(words.size() - 1) + token.text());
                if (onlySpan && token.span() == null && token.text().chars().anyMatch(Character::isLetter)) {
                    rows.set(rows.size() - 1, token.row());
                    onlySpan = false;
                }
            }
        }
    }

    void finish() {
        target.append(message, previousEnd, message.length());
    }

    String text() {
        return target.toString();
    }

    double score() {
        return translatedUnits == 0 ? 0 : scoreSum / translatedUnits;
    }

    /** The message's translation; without alignments, its segments' blocks are empty. */
    Translation translation(List<Translation.NBestEntry> nbest, boolean alignments) {
        if (!alignments) {
            List<Translation.Segment> bare = segments.stream().map(s -> new Translation.Segment(s.sourceStart(), s.sourceEnd(),
                    s.targetStart(), s.targetEnd(), s.translated(), s.quality(), Translation.Block.EMPTY,
                    Translation.Block.EMPTY)).toList();
            return new Translation(text(), score(), nbest, sourcePieces, targetPieces, List.of(), List.of(), replaced, bare,
                    spans, quality(), origin());
        }
        return new Translation(text(), score(), nbest, sourcePieces, targetPieces, sourceWords, targetWords, replaced,
                segments, spans, quality(), origin());
    }

    /** Nothing of the message went to the model when every unit of it was copied. */
    private Translation.Origin origin() {
        return translatedUnits == 0 ? Translation.Origin.NONE : Translation.Origin.MODEL;
    }

    private QualitySignal quality() {
        if (translatedUnits == 0) {
            return null;
        }
        QualitySignal q = QualitySignal.of(logProb, steps, covered, pieces, false);
        return new QualitySignal(q.meanLogProb(), q.coverage(), lowConfidence);
    }
}
