package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Greedy and beam search on a scripted session: vocabulary {pad, unk, bos, eos, a, b}, one source
 * word plus its end. After bos the model prefers a (0.5) to b (0.45); after either, eos (0.9). After a
 * it attends only to the word, after b it attends evenly, so "b" covers the source and "a" does not.
 */
class SearchStrategyTest {
    private static final int BOS = ScriptedSession.BOS;
    private static final int EOS = ScriptedSession.EOS;
    private static final int A = ScriptedSession.A;
    private static final int B = ScriptedSession.B;

    private static final SourceBatch SOURCE = SourceBatch.of(new int[][] {{7}}, EOS, 0);

    private static final EncodedBatch ENCODED =
            new ScriptedSession().encode(SOURCE.ids(), SOURCE.lengths(), SOURCE.size(), SOURCE.longest());

    private static DecodingOptions options(int beam, double coveragePenalty) {
        return new DecodingOptions(beam, beam, 0.0, coveragePenalty, 1.5, 10, true, true, Formality.AUTO);
    }

    @Test
    void greedySearchTakesTheMostLikelyTokenAtEachStepAndStopsAtEos() {
        ScriptedSession session = new ScriptedSession();
        DecodingOptions options = options(1, 0);
        List<List<Hypothesis>> out = SearchStrategy.of(options, BOS, EOS).search(session, ENCODED, SOURCE, options);
        Hypothesis h = out.get(0).get(0);
        assertArrayEquals(new int[] {A}, h.ids());
        assertEquals(Math.log(0.5) + Math.log(0.9), h.logProb(), 1e-5);
        assertEquals(2, h.alignment().length, "one attention row per step, the eos step included");
        assertEquals(2, session.steps);
    }

    @Test
    void beamSearchReturnsEveryFinishedHypothesisBestFirst() {
        DecodingOptions options = options(2, 0);
        List<Hypothesis> out = SearchStrategy.of(options, BOS, EOS).search(new ScriptedSession(), ENCODED, SOURCE, options).get(0);
        assertEquals(2, out.size());
        assertArrayEquals(new int[] {A}, out.get(0).ids());
        assertArrayEquals(new int[] {B}, out.get(1).ids());
        assertTrue(out.get(0).score() > out.get(1).score());
        assertEquals(out.get(0).logProb(), out.get(0).score(), 1e-6, "length penalty 0: the score is the log-probability");
    }

    @Test
    void theCoveragePenaltyRanksTheHypothesisThatLeftSourceUnattendedBelow() {
        DecodingOptions options = options(2, 1.0);
        List<Hypothesis> out = SearchStrategy.of(options, BOS, EOS).search(new ScriptedSession(), ENCODED, SOURCE, options).get(0);
        assertArrayEquals(new int[] {B}, out.get(0).ids(), "b covers the source: 0.5 + 0.5 on each position");
        assertEquals(Math.log(0.45) + Math.log(0.9), out.get(0).score(), 1e-5, "full coverage costs nothing");
        assertEquals(Math.log(0.5) + Math.log(0.9) + Math.log(0.5), out.get(1).score(), 1e-5,
                "a leaves the end position with 0.5 of attention: log(0.5) added");
    }
}
