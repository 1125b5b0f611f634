package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * Batched greedy search: one decoder call per step for all unfinished sentences of the batch;
 * a sentence that emits EOS or reaches its length cap leaves the batch, so it costs no more work.
 * The coverage penalty does not apply: there is nothing to rank.
 */
public final class GreedySearch implements SearchStrategy {
    private final int bosId;
    private final int eosId;

    public GreedySearch(int bosId, int eosId) {
        this.bosId = bosId;
        this.eosId = eosId;
    }

    @Override
    public List<List<Hypothesis>> search(InferenceSession session, EncodedBatch encoded, SourceBatch source,
                                         DecodingOptions options) {
        int batch = source.size();
        int s = encoded.sourceLength();
        int h = encoded.decoderSize();
        List<List<Integer>> ids = new ArrayList<>();
        List<List<float[]>> attention = new ArrayList<>();
        double[] raw = new double[batch];
        int[] caps = new int[batch];
        int[] active = new int[batch];
        long[] previous = new long[batch];
        for (int b = 0; b < batch; b++) {
            ids.add(new ArrayList<>());
            attention.add(new ArrayList<>());
            caps[b] = options.maxOutputLength(source.pieces()[b]);
            active[b] = b;
            previous[b] = bosId;
        }
        float[] state = encoded.initialState();
        SourceMemory memory = session.memory(encoded, active);
        try {
            for (int t = 0; active.length > 0; t++) {
                StepOutput out = session.step(previous, state, memory);
                int vocab = out.vocab();
                int[] keep = new int[active.length];
                int kept = 0;
                for (int row = 0; row < active.length; row++) {
                    int sentence = active[row];
                    int token = argmax(out.logProbs(), row * vocab, vocab);
                    raw[sentence] += out.logProbs()[row * vocab + token];
                    int from = row * s;
                    attention.get(sentence).add(java.util.Arrays.copyOfRange(out.attention(), from,
                            from + (int) source.lengths()[sentence]));
                    previous[row] = token;
                    if (token == eosId) {
                        continue;
                    }
                    ids.get(sentence).add(token);
                    if (t + 1 < caps[sentence]) {
                        keep[kept++] = row;
                    }
                }
                state = out.state();
                if (kept < active.length) {
                    int[] rows = java.util.Arrays.copyOf(keep, kept);
                    active = select(active, rows);
                    previous = select(previous, rows);
                    state = InferenceSession.gatherRows(state, h, rows);
                    memory.close();
                    memory = session.memory(encoded, active);
                }
            }
        } finally {
            memory.close();
        }
        List<List<Hypothesis>> result = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            result.add(List.of(new Hypothesis(ids.get(b).stream().mapToInt(Integer::intValue).toArray(), raw[b], raw[b],
                    attention.get(b).toArray(new float[0][]))));
        }
        return result;
    }

    /** The first index of the maximum, as torch's argmax. */
    static int argmax(float[] values, int offset, int length) {
        int best = 0;
        float bestValue = values[offset];
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > bestValue) {
                bestValue = values[offset + i];
                best = i;
            }
        }
        return best;
    }

    private static int[] select(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static long[] select(long[] values, int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
