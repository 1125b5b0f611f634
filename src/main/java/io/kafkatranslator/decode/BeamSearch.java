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
 * Batched beam search: the live beams of all unfinished sentences of a batch go through one
 * decoder call per step. The rules are those of the Python reference (training/decode.py), so
 * that both pick the same hypotheses:
 * <ul>
 *   <li>each sentence takes the 2K best extensions of its live beams by raw score (sum of
 *       log-probabilities, accumulated in float32 like the reference's tensors), best first;</li>
 *   <li>an EOS extension among the first K finishes a hypothesis, scored raw / lp(L) with GNMT's
 *       lp(L) = ((5 + L) / 6)^alpha, L its length with EOS; the others fill the K live beams;</li>
 *   <li>a sentence stops when K hypotheses have finished, or at its length cap, where its live
 *       beams are finished as they are.</li>
 * </ul>
 * A finished hypothesis' score may add GNMT's coverage penalty, beta * sum over source positions of
 * log(min(attention received, 1)), which ranks down hypotheses that left source words unattended
 * (under-translation); with beta 0, the default of the reference, ranking is the reference's.
 */
public final class BeamSearch implements SearchStrategy {
    private final int bosId;
    private final int eosId;

    public BeamSearch(int bosId, int eosId) {
        this.bosId = bosId;
        this.eosId = eosId;
    }

    /** Returns, for every sentence, its finished hypotheses, best first. */
    @Override
    public List<List<Hypothesis>> search(InferenceSession session, EncodedBatch encoded, SourceBatch source,
                                         DecodingOptions options) {
        int batch = source.size();
        int k = options.beamSize();
        int h = encoded.decoderSize();
        SentenceBeams[] beams = new SentenceBeams[batch];
        for (int b = 0; b < batch; b++) {
            beams[b] = new SentenceBeams(b, options.maxOutputLength(source.pieces()[b]), (int) source.lengths()[b]);
        }
        Node[] rowNodes = new Node[batch];
        int[] rowSentence = new int[batch];
        for (int b = 0; b < batch; b++) {
            rowNodes[b] = beams[b].live.get(0);
            rowSentence[b] = b;
        }
        float[] state = encoded.initialState();
        SourceMemory memory = session.memory(encoded, rowSentence);
        try {
            for (int t = 0; rowNodes.length > 0; t++) {
                long[] previous = new long[rowNodes.length];
                for (int r = 0; r < rowNodes.length; r++) {
                    previous[r] = rowNodes[r].parent == null ? bosId : rowNodes[r].token;
                }
                StepOutput out = session.step(previous, state, memory);
                List<Node> nextNodes = new ArrayList<>();
                List<Integer> parentRows = new ArrayList<>();
                int first = 0;
                while (first < rowNodes.length) {
                    int sentence = rowSentence[first];
                    int end = first;
                    while (end < rowNodes.length && rowSentence[end] == sentence) {
                        end++;
                    }
                    beams[sentence].advance(out, rowNodes, first, end, t, k, options, encoded.sourceLength());
                    if (!beams[sentence].done) {
                        for (Node node : beams[sentence].live) {
                            nextNodes.add(node);
                            parentRows.add(node.parentRow);
                        }
                    }
                    first = end;
                }
                int[] nextSentence = new int[nextNodes.size()];
                int[] parents = new int[nextNodes.size()];
                for (int r = 0; r < nextNodes.size(); r++) {
                    nextSentence[r] = nextNodes.get(r).sentence;
                    parents[r] = parentRows.get(r);
                }
                state = InferenceSession.gatherRows(out.state(), h, parents);
                if (!Arrays.equals(nextSentence, rowSentence)) {
                    memory.close();
                    memory = session.memory(encoded, nextSentence);
                }
                rowNodes = nextNodes.toArray(new Node[0]);
                rowSentence = nextSentence;
            }
        } finally {
            memory.close();
        }
        List<List<Hypothesis>> results = new ArrayList<>(batch);
        for (SentenceBeams b : beams) {
            results.add(b.results());
        }
        return results;
    }

    /** A node of the search tree; hypotheses are read back through the parent links at the end. */
    private static final class Node {
        final Node parent;
        final int sentence;
        final int token;
        final float raw;
        final float[] attention;
        final int length;
        int parentRow;
        double score;

        Node(Node parent, int sentence, int token, float raw, float[] attention, int parentRow) {
            this.parent = parent;
            this.sentence = sentence;
            this.token = token;
            this.raw = raw;
            this.attention = attention;
            this.length = parent == null ? 0 : parent.length + 1;
            this.parentRow = parentRow;
        }

        Hypothesis toHypothesis(int eosId) {
            int[] ids = new int[length];
            float[][] rows = new float[length][];
            int n = 0;
            for (Node node = this; node.parent != null; node = node.parent) {
                rows[length - 1 - n] = node.attention;
                ids[length - 1 - n] = node.token;
                n++;
            }
            int[] withoutEos = token == eosId ? Arrays.copyOf(ids, length - 1) : ids;
            return new Hypothesis(withoutEos, score, raw, rows);
        }

        /** GNMT's cp: sum over source positions of log(min(total attention received along this path, 1)). */
        double coverage(int sourceLength) {
            double[] received = new double[sourceLength];
            for (Node node = this; node.parent != null; node = node.parent) {
                for (int j = 0; j < sourceLength; j++) {
                    received[j] += node.attention[j];
                }
            }
            double cp = 0;
            for (double r : received) {
                cp += Math.log(Math.max(1e-9, Math.min(r, 1.0)));
            }
            return cp;
        }
    }

    private final class SentenceBeams {
        final int sentence;
        final int cap;
        final int sourceLength;
        List<Node> live = new ArrayList<>();
        final List<Node> finished = new ArrayList<>();
        boolean done;

        SentenceBeams(int sentence, int cap, int sourceLength) {
            this.sentence = sentence;
            this.cap = cap;
            this.sourceLength = sourceLength;
            live.add(new Node(null, sentence, -1, 0f, null, -1));
        }

        void advance(StepOutput out, Node[] rowNodes, int first, int end, int t, int k, DecodingOptions options,
                     int paddedLength) {
            int vocab = out.vocab();
            int[] best = topCandidates(out.logProbs(), rowNodes, first, end, vocab, 2 * k);
            List<Node> nextLive = new ArrayList<>(k);
            for (int rank = 0; rank < best.length; rank++) {
                int row = first + best[rank] / vocab;
                int token = best[rank] % vocab;
                Node parent = rowNodes[row];
                float raw = parent.raw + out.logProbs()[row * vocab + token];
                if (token == eosId) {
                    if (rank < k) {
                        Node node = new Node(parent, sentence, token, raw, attentionRow(out, row, paddedLength), row);
                        finish(node, t + 1, options);
                    }
                } else if (nextLive.size() < k) {
                    nextLive.add(new Node(parent, sentence, token, raw, attentionRow(out, row, paddedLength), row));
                }
            }
            if (finished.size() >= k) {
                done = true;
                return;
            }
            live = nextLive;
            if (t + 1 >= cap) {
                for (Node node : live) {
                    finish(node, node.length, options);
                }
                done = true;
            }
        }

        private void finish(Node node, int length, DecodingOptions options) {
            node.score = node.raw / lengthPenalty(length, options.lengthPenalty());
            if (options.coveragePenalty() > 0) {
                node.score += options.coveragePenalty() * node.coverage(sourceLength);
            }
            finished.add(node);
        }

        private float[] attentionRow(StepOutput out, int row, int paddedLength) {
            return Arrays.copyOfRange(out.attention(), row * paddedLength, row * paddedLength + sourceLength);
        }

        List<Hypothesis> results() {
            List<Node> sorted = new ArrayList<>(finished);
            sorted.sort(Comparator.comparingDouble((Node n) -> n.score).reversed());
            List<Hypothesis> out = new ArrayList<>(sorted.size());
            for (Node n : sorted) {
                out.add(n.toHypothesis(eosId));
            }
            return out;
        }
    }

    /**
     * Flat indices (local row * vocab + token) of the n best extensions of rows [first, end), best
     * first; equal scores keep the lower index first.
     */
    static int[] topCandidates(float[] logProbs, Node[] rowNodes, int first, int end, int vocab, int n) {
        int total = (end - first) * vocab;
        int size = Math.min(n, total);
        int[] index = new int[size];
        float[] score = new float[size];
        int filled = 0;
        for (int r = first; r < end; r++) {
            float base = rowNodes[r].raw;
            int offset = r * vocab;
            for (int v = 0; v < vocab; v++) {
                float candidate = base + logProbs[offset + v];
                if (filled == size && candidate <= score[size - 1]) {
                    continue;
                }
                int pos = filled < size ? filled++ : size - 1;
                while (pos > 0 && score[pos - 1] < candidate) {
                    score[pos] = score[pos - 1];
                    index[pos] = index[pos - 1];
                    pos--;
                }
                score[pos] = candidate;
                index[pos] = (r - first) * vocab + v;
            }
        }
        return index;
    }

    static double lengthPenalty(int length, double alpha) {
        return Math.pow((5.0 + length) / 6.0, alpha);
    }
}
