package io.kafkatranslator.engine;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.engine.PreparedMessage.PlacedSpan;
import io.kafkatranslator.engine.PreparedMessage.Placement;
import io.kafkatranslator.engine.PreparedMessage.Unit;
import io.kafkatranslator.segment.ProtectedSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a message back together from its units' hypotheses, faithfully: the whitespace and line
 * breaks between sentences as they were, untranslatable units copied, each protected span copied
 * once next to the target word aligned with the source word it stood by, capitals and emphatic end
 * punctuation restored. A number in the model's output is dropped: numbers never reach the model,
 * so one there was invented. Also builds the message-level alignments, segments and quality.
 */
final class MessageAssembler {
    private final OutputBuilder output;

    MessageAssembler(OutputBuilder output) {
        this.output = output;
    }

    /** hypotheses.get(u): unit u's hypotheses, best first (null for a unit that is copied). */
    Translation assemble(PreparedMessage message, List<List<Hypothesis>> hypotheses, DecodingOptions options) {
        Builder b = build(message, hypotheses, 0, options);
        List<Translation.NBestEntry> nbest = new ArrayList<>();
        for (int n = 0; n < options.nbest(); n++) {
            Builder alternative = n == 0 ? b : build(message, hypotheses, n, options);
            nbest.add(new Translation.NBestEntry(alternative.text(), alternative.score()));
        }
        if (!options.alignments()) {
            List<Translation.Segment> bare = b.segments.stream().map(s -> new Translation.Segment(s.sourceStart(), s.sourceEnd(),
                    s.targetStart(), s.targetEnd(), s.translated(), s.quality(), Translation.Block.EMPTY,
                    Translation.Block.EMPTY)).toList();
            return new Translation(b.text(), b.score(), nbest, b.sourcePieces, b.targetPieces, List.of(), List.of(),
                    b.replaced, bare, b.spans, b.quality());
        }
        return new Translation(b.text(), b.score(), nbest, b.sourcePieces, b.targetPieces, b.sourceWords, b.targetWords,
                b.replaced, b.segments, b.spans, b.quality());
    }

    /** The message with every unit's n-th hypothesis. */
    private Builder build(PreparedMessage message, List<List<Hypothesis>> hypotheses, int n, DecodingOptions options) {
        Builder b = new Builder(message.text());
        for (int u = 0; u < message.units().size(); u++) {
            Unit unit = message.units().get(u);
            b.add(unit, unitOutput(message.text(), unit, hypothesis(hypotheses.get(u), n), options.replaceUnknowns()));
        }
        b.finish();
        return b;
    }

    /** The n-th hypothesis, or the last one where there are fewer; null for a copied unit. */
    private static Hypothesis hypothesis(List<Hypothesis> hypotheses, int n) {
        return hypotheses == null ? null : hypotheses.get(Math.min(n, hypotheses.size() - 1));
    }

    /** A word of a unit's output, its alignment row over the unit's source words, and the span it copies if any. */
    private record Token(String text, boolean spaceBefore, float[] row, ProtectedSpan span) {
    }

    private record UnitOutput(List<Token> tokens, List<String> sourcePieces, List<String> targetPieces, float[][] subword,
                              int replaced, double score, double logProb, int steps, double covered) {
    }

    private UnitOutput unitOutput(String message, Unit u, Hypothesis h, boolean replaceUnknowns) {
        int columns = u.sourceWords().size();
        if (h == null) {
            List<Token> copy = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                copy.add(new Token(u.sourceWords().get(j), true, oneHot(columns, j), null));
            }
            return new UnitOutput(copy, List.of(), List.of(), new float[0][], 0, 0, 0, 0, 0);
        }
        OutputBuilder.Rendered r = output.render(u.modelText(), u.ids(), h, replaceUnknowns);
        List<Token> words = new ArrayList<>();
        int[] namesFound = new int[u.names().size()];
        for (int i = 0; i < r.words().size(); i++) {
            String w = r.words().get(i);
            // A bare word boundary or a dropped unknown piece makes an empty word: no word, no double space.
            if (w.isEmpty() || w.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            float[] row = new float[columns];
            float[] modelRow = r.wordAlignment()[i];
            for (int j = 0; j < modelRow.length && j < u.modelWordColumn().length; j++) {
                row[u.modelWordColumn()[j]] += modelRow[j];
            }
            w = NamePlaceholders.restore(w, u.names(), namesFound);
            words.add(new Token(u.shouted() ? w.toUpperCase(Locale.ROOT) : w, true, row, null));
        }
        insertMissingNames(u, words, namesFound);
        if (u.lowerFirst() && !words.isEmpty()) {
            words.set(0, lowerFirst(words.get(0)));
        }
        List<Token> tokens = placeSpans(message, u, words, endPunctuation(u, words));
        double covered = 0;
        for (int j = 0; j < r.sourcePieces().size(); j++) {
            float received = 0;
            for (float[] row : r.subword()) {
                received += row[j];
            }
            covered += Math.min(1f, received);
        }
        return new UnitOutput(tokens, r.sourcePieces(), r.pieces(), r.subword(), r.replaced(), h.score(), h.logProb(),
                h.alignment().length, covered);
    }

    /** A name whose placeholder the model left out goes after the target word aligned with it: never lost. */
    private static void insertMissingNames(Unit u, List<Token> words, int[] found) {
        for (int s = 0; s < found.length; s++) {
            if (found[s] == 0) {
                PreparedMessage.NameSlot slot = u.names().get(s);
                int column = u.modelWordColumn()[slot.modelWord()];
                String name = u.shouted() ? slot.name().toUpperCase(Locale.ROOT) : slot.name();
                words.add(alignedWord(words, column) + 1, new Token(name, true, oneHot(u.sourceWords().size(), column), null));
            }
        }
    }

    /** "But" → "but" at the start of a chunk that goes on a sentence; "I", "I'm" and "NASA" keep their capitals. */
    private static Token lowerFirst(Token word) {
        String w = word.text();
        boolean keep = w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || w.equals("I") || w.startsWith("I'")
                || (w.length() > 1 && Character.isUpperCase(w.charAt(1)));
        return keep ? word : new Token(w.substring(0, 1).toLowerCase(Locale.ROOT) + w.substring(1), word.spaceBefore(),
                word.row(), word.span());
    }

    /**
     * Takes the end punctuation off the last word (restored as the source had it: "!!!" for "!", ","
     * for a chunk cut after a comma, none where the source had none) and returns it, to be put back
     * after the spans that precede it.
     */
    private static Token endPunctuation(Unit u, List<Token> words) {
        if (words.isEmpty()) {
            return u.ending() == null ? null : new Token(u.ending(), false, new float[u.sourceWords().size()], null);
        }
        Token last = words.get(words.size() - 1);
        int base = last.text().length();
        while (base > 0 && MessagePreparer.END_PUNCTUATION.indexOf(last.text().charAt(base - 1)) >= 0) {
            base--;
        }
        String ending = last.text().substring(base);
        if (u.ending() != null) {
            ending = u.ending();
        } else if (u.addedStop() && ending.equals(".")) {
            ending = "";
        }
        words.remove(words.size() - 1);
        if (base > 0) {
            words.add(new Token(last.text().substring(0, base), true, last.row(), null));
        }
        return ending.isEmpty() ? null : new Token(ending, false, last.row(), null);
    }

    private static List<Token> placeSpans(String message, Unit u, List<Token> words, Token end) {
        int n = words.size();
        List<List<Token>> before = new ArrayList<>();
        List<List<Token>> after = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            before.add(new ArrayList<>());
            after.add(new ArrayList<>());
        }
        List<Token> prefix = new ArrayList<>();
        List<Token> beforeEnd = new ArrayList<>();
        List<Token> last = new ArrayList<>();
        int columns = u.sourceWords().size();
        for (PlacedSpan p : u.spans()) {
            Token copy = new Token(p.span().text(message), p.spaceBefore(), oneHot(columns, p.column()), p.span());
            int anchor = p.anchorWord() < 0 ? -1 : alignedWord(words, u.modelWordColumn()[p.anchorWord()]);
            Placement placement = anchor < 0 && (p.placement() == Placement.BEFORE_WORD || p.placement() == Placement.AFTER_WORD)
                    ? Placement.BEFORE_END_PUNCTUATION : p.placement();
            if (p.gluedToNext() && (placement == Placement.PREFIX || placement == Placement.BEFORE_WORD) && n > 0) {
                int word = placement == Placement.PREFIX ? 0 : anchor;
                Token w = words.get(word);
                words.set(word, new Token(w.text(), false, w.row(), w.span()));
            }
            switch (placement) {
                case PREFIX -> prefix.add(copy);
                case BEFORE_WORD -> before.get(anchor).add(copy);
                case AFTER_WORD -> after.get(anchor).add(copy);
                case BEFORE_END_PUNCTUATION -> beforeEnd.add(copy);
                case END -> last.add(copy);
            }
        }
        List<Token> out = new ArrayList<>(prefix);
        for (int t = 0; t < n; t++) {
            out.addAll(before.get(t));
            out.add(words.get(t));
            out.addAll(after.get(t));
        }
        out.addAll(beforeEnd);
        if (end != null) {
            // The end mark sticks to what precedes it, as the model wrote it.
            out.add(end);
        }
        out.addAll(last);
        return out;
    }

    /** The target word that attended most to the given source column; -1 when there is none. */
    private static int alignedWord(List<Token> words, int column) {
        int best = -1;
        float weight = 0;
        for (int t = 0; t < words.size(); t++) {
            if (words.get(t).row()[column] > weight) {
                weight = words.get(t).row()[column];
                best = t;
            }
        }
        return best;
    }

    private static float[] oneHot(int size, int index) {
        float[] row = new float[size];
        row[index] = 1f;
        return row;
    }

    /** Concatenates unit outputs with the message's own whitespace between them. */
    private static final class Builder {
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

        Builder(String message) {
            this.message = message;
        }

        void add(Unit u, UnitOutput o) {
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
                for (PlacedSpan p : u.spans()) {
                    int offset = targetStart - u.start();
                    spans.add(new Translation.SpanCopy(p.span().kind(), p.span().start(), p.span().end(),
                            p.span().start() + offset, p.span().end() + offset));
                }
            } else {
                List<String> words = new ArrayList<>();
                List<float[]> rows = new ArrayList<>();
                boolean onlySpan = false;
                for (int t = 0; t < o.tokens().size(); t++) {
                    Token token = o.tokens().get(t);
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
                quality = QualitySignal.of(o.logProb(), o.steps(), o.covered(), o.sourcePieces().size());
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

        void finish() {
            target.append(message, previousEnd, message.length());
        }

        String text() {
            return target.toString();
        }

        double score() {
            return translatedUnits == 0 ? 0 : scoreSum / translatedUnits;
        }

        QualitySignal quality() {
            if (translatedUnits == 0) {
                return null;
            }
            QualitySignal q = QualitySignal.of(logProb, steps, covered, pieces);
            return new QualitySignal(q.meanLogProb(), q.coverage(), lowConfidence);
        }
    }
}
