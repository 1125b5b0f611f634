package io.kafkatranslator.decode;

import org.junit.jupiter.api.Test;

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
        assertEquals(2, rows.length, "one row per target token, none for the end of sentence");
        assertArrayEquals(new float[] {0.5f, 0.5f}, rows[0], "after bos: even");
        assertArrayEquals(new float[] {0.5f, 0.5f}, rows[1], "after the forced b: even, not the 1/0 that follows a");
        assertEquals(Math.log(0.45) + Math.log(0.02) + Math.log(0.9), forced.logProb(), 1e-6, "b, then a, then eos");
        assertEquals(3, session.steps);
    }
}
