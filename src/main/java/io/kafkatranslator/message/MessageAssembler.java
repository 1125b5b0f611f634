package io.kafkatranslator.message;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.engine.OutputBuilder;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.message.UnitOutput.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a message back together from its units' hypotheses, faithfully: the whitespace and line
 * breaks between sentences as they were, untranslatable units copied, and each unit's adaptations
 * undone in the reverse of the order they were made. A number in the model's output is dropped:
 * numbers never reach the model, so one there was invented.
 */
public final class MessageAssembler {
    private final OutputBuilder output;

    public MessageAssembler(OutputBuilder output) {
        this.output = output;
    }

    /** hypotheses.get(u): unit u's hypotheses, best first (null for a unit that is copied). */
    public Translation assemble(PreparedMessage message, List<List<Hypothesis>> hypotheses, DecodingOptions options) {
        TranslationBuilder b = build(message, hypotheses, 0, options);
        List<Translation.NBestEntry> nbest = new ArrayList<>();
        for (int n = 0; n < options.nbest(); n++) {
            TranslationBuilder alternative = n == 0 ? b : build(message, hypotheses, n, options);
            nbest.add(new Translation.NBestEntry(alternative.text(), alternative.score()));
        }
        return b.translation(nbest, options.alignments());
    }

    /** The message with every unit's n-th hypothesis. */
    private TranslationBuilder build(PreparedMessage message, List<List<Hypothesis>> hypotheses, int n, DecodingOptions options) {
        TranslationBuilder b = new TranslationBuilder(message.text());
        for (int u = 0; u < message.units().size(); u++) {
            Unit unit = message.units().get(u);
            b.add(unit, unitOutput(unit, hypothesis(hypotheses.get(u), n), options.replaceUnknowns()));
        }
        b.finish();
        return b;
    }

    /** The n-th hypothesis, or the last one where there are fewer; null for a copied unit. */
    private static Hypothesis hypothesis(List<Hypothesis> hypotheses, int n) {
        return hypotheses == null ? null : hypotheses.get(Math.min(n, hypotheses.size() - 1));
    }

    /** A unit's translated tokens, with its pieces, alignment and scores. */
    record RenderedUnit(List<Token> tokens, List<String> sourcePieces, List<String> targetPieces, float[][] subword,
                        int replaced, double score, double logProb, int steps, double covered, boolean fromPhrasebook) {
    }

    private RenderedUnit unitOutput(Unit u, Hypothesis h, boolean replaceUnknowns) {
        int columns = u.sourceWords().size();
        if (h == null) {
            UnitOutput copy = new UnitOutput(columns, List.of());
            for (int j = 0; j < columns; j++) {
                copy.tokens().add(new Token(u.sourceWords().get(j), true, copy.oneHot(j), null));
            }
            return new RenderedUnit(copy.tokens(), List.of(), List.of(), new float[0][], 0, 0, 0, 0, 0, false);
        }
        OutputBuilder.Rendered r = output.render(u.modelText(), u.ids(), h, replaceUnknowns);
        List<Token> words = new ArrayList<>();
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
            words.add(new Token(w, true, row, null));
        }
        UnitOutput out = new UnitOutput(columns, words);
        for (int a = u.adaptations().size() - 1; a >= 0; a--) {
            u.adaptations().get(a).restore(out);
        }
        return new RenderedUnit(out.finished(), r.sourcePieces(), r.pieces(), r.subword(), r.replaced(), h.score(),
                h.logProb(), h.alignment().length, covered(r), h.fromPhrasebook());
    }

    /** How much of the source the translation attended to: each source piece's received attention, capped at 1, summed. */
    private static double covered(OutputBuilder.Rendered r) {
        double covered = 0;
        for (int j = 0; j < r.sourcePieces().size(); j++) {
            float received = 0;
            for (float[] row : r.subword()) {
                received += row[j];
            }
            covered += Math.min(1f, received);
        }
        return covered;
    }
}
