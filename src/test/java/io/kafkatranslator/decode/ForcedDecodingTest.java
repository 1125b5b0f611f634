package io.kafkatranslator.decode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ForcedDecodingTest {
    @Test
    void theDecoderFollowsTheGivenTargetAndReportsItsAttentionAndLogProbabilityWithTheEndOfSentence() {
        ScriptedSession session = new ScriptedSession();
        // b is not the model's choice after bos (a is): forced, the next step must see b as the previous token.
        SourceBatch source = SourceBatch.of(new int[][] {{7}}, ScriptedSession.EOS, 0);
        ForcedDecoding.Forced forced = ForcedDecoding.force(session, session.encode(source.ids(), source.lengths(), 1,
                source.longest()), new int[] {ScriptedSession.B, ScriptedSession.A}, ScriptedSession.BOS, ScriptedSession.EOS);
        float[][] rows = forced.attention();
        assertEquals(3, rows.length, "one row per target token, then the end of sentence's");
        assertArrayEquals(new float[] {0.5f, 0.5f}, rows[0], "after bos: even");
        assertArrayEquals(new float[] {0.5f, 0.5f}, rows[1], "after the forced b: even, not the 1/0 that follows a");
        assertEquals(Math.log(0.45) + Math.log(0.02) + Math.log(0.9), forced.logProb(), 1e-6, "b, then a, then eos");
        assertEquals(3, session.steps);
    }

    @Test
    void givenTranslationsAreRankedByTheirLengthPenalisedLogProbability() {
        ScriptedSession session = new ScriptedSession();
        SourceBatch source = SourceBatch.of(new int[][] {{7}}, ScriptedSession.EOS, 0);
        int[] unlikely = {ScriptedSession.B, ScriptedSession.A};
        int[] likely = {ScriptedSession.A};
        List<Hypothesis> ranked = ForcedDecoding.rank(session, session.encode(source.ids(), source.lengths(), 1,
                source.longest()), List.of(unlikely, likely), ScriptedSession.BOS, ScriptedSession.EOS, 0.6);
        assertArrayEquals(likely, ranked.get(0).ids());
        assertEquals((Math.log(0.5) + Math.log(0.9)) / Math.pow(7 / 6.0, 0.6), ranked.get(0).score(), 1e-6);
        assertEquals(2, ranked.get(0).alignment().length, "a row for the token and one for the end of sentence");
        assertArrayEquals(unlikely, ranked.get(1).ids());
    }
}
