package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;

import java.util.Arrays;

/**
 * Teacher forcing: the decoder is fed a given target instead of its own choices, to read where it
 * attends while producing it (alignments) and how likely it finds it (scoring existing translations).
 */
public final class ForcedDecoding {
    private ForcedDecoding() {
    }

    /**
     * attention: [target length][source pieces + EOS], for each target token the attention of the step
     * that produced it; logProb: the log-probability of the target followed by the end of sentence.
     */
    public record Forced(float[][] attention, double logProb) {
    }

    /** A one-sentence encoded batch and a target (ids without EOS). */
    public static Forced force(InferenceSession session, EncodedBatch encoded, int[] target, int bosId, int eosId) {
        float[][] rows = new float[target.length][];
        double logProb = 0;
        float[] state = encoded.initialState();
        long previous = bosId;
        try (SourceMemory memory = session.memory(encoded, new int[] {0})) {
            for (int t = 0; t <= target.length; t++) {
                StepOutput out = session.step(new long[] {previous}, state, memory);
                int next = t < target.length ? target[t] : eosId;
                logProb += out.logProbs()[next];
                if (t < target.length) {
                    rows[t] = Arrays.copyOf(out.attention(), encoded.sourceLength());
                }
                state = out.state();
                previous = next;
            }
        }
        return new Forced(rows, logProb);
    }
}
