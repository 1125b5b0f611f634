package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Teacher forcing: the decoder is fed a given target instead of its own choices, to read where it
 * attends while producing it (alignments) and how likely it finds it (scoring existing translations).
 */
public final class ForcedDecoding {
    private ForcedDecoding() {
    }

    /**
     * attention: [target length + 1][source pieces + EOS], for each target token the attention of the step
     * that produced it, then the end of sentence's; logProb: the log-probability of the target followed by the end
     * of sentence.
     */
    public record Forced(float[][] attention, double logProb) {
    }

    /** A one-sentence encoded batch and a target (ids without EOS). */
    public static Forced force(InferenceSession session, EncodedBatch encoded, int[] target, int bosId, int eosId) {
        return forceAll(session, encoded, List.of(target), bosId, eosId)[0];
    }

    /** Several targets of a one-sentence encoded batch at once, one decoder row each. */
    private static Forced[] forceAll(InferenceSession session, EncodedBatch encoded, List<int[]> targets, int bosId, int eosId) {
        int n = targets.size();
        int width = encoded.sourceLength();
        float[][][] rows = new float[n][][];
        double[] logProb = new double[n];
        long[] previous = new long[n];
        int longest = 0;
        for (int r = 0; r < n; r++) {
            rows[r] = new float[targets.get(r).length + 1][];
            previous[r] = bosId;
            longest = Math.max(longest, targets.get(r).length + 1);
        }
        float[] state = InferenceSession.gatherRows(encoded.initialState(), encoded.initialState().length, new int[n]);
        try (SourceMemory memory = session.memory(encoded, new int[n])) {
            for (int t = 0; t < longest; t++) {
                StepOutput out = session.step(previous, state, memory);
                for (int r = 0; r < n; r++) {
                    int[] target = targets.get(r);
                    if (t > target.length) {
                        continue;
                    }
                    int next = t < target.length ? target[t] : eosId;
                    logProb[r] += out.logProbs()[r * out.vocab() + next];
                    rows[r][t] = Arrays.copyOfRange(out.attention(), r * width, (r + 1) * width);
                    previous[r] = next;
                }
                state = out.state();
            }
        }
        Forced[] forced = new Forced[n];
        for (int r = 0; r < n; r++) {
            forced[r] = new Forced(rows[r], logProb[r]);
        }
        return forced;
    }

    /**
     * Given translations of a one-sentence encoded batch (ids without EOS), as hypotheses ranked by the model: each
     * forced through (all in one batch of decoder rows), scored as beam search scores a finished hypothesis without its coverage penalty (the log
     * probability over GNMT's length penalty), best first.
     */
    public static List<Hypothesis> rank(InferenceSession session, EncodedBatch encoded, List<int[]> targets, int bosId,
                                        int eosId, double lengthPenalty) {
        Forced[] forced = forceAll(session, encoded, targets, bosId, eosId);
        List<Hypothesis> ranked = new ArrayList<>(targets.size());
        for (int r = 0; r < forced.length; r++) {
            int[] target = targets.get(r);
            double score = forced[r].logProb() / BeamSearch.lengthPenalty(target.length + 1, lengthPenalty);
            ranked.add(new Hypothesis(target, score, forced[r].logProb(), forced[r].attention()));
        }
        ranked.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return ranked;
    }
}
