package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;

import java.util.Arrays;

/**
 * Teacher forcing: the decoder is fed a given target instead of its own choices, to read where it
 * attends while producing it (how alignments are measured against human ones).
 */
public final class ForcedDecoding {
    private ForcedDecoding() {
    }

    /**
     * For one source sentence and a target (ids without EOS), the attention of each step that
     * produced a target token: [target length][source pieces + EOS].
     */
    public static float[][] attention(InferenceSession session, int[] source, int[] target, int bosId, int eosId, int padId) {
        SourceBatch batch = SourceBatch.of(new int[][] {source}, eosId, padId);
        EncodedBatch encoded = session.encode(batch.ids(), batch.lengths(), 1, batch.longest());
        float[][] rows = new float[target.length][];
        float[] state = encoded.initialState();
        long previous = bosId;
        try (SourceMemory memory = session.memory(encoded, new int[] {0})) {
            for (int t = 0; t < target.length; t++) {
                StepOutput out = session.step(new long[] {previous}, state, memory);
                rows[t] = Arrays.copyOf(out.attention(), encoded.sourceLength());
                state = out.state();
                previous = target[t];
            }
        }
        return rows;
    }
}
