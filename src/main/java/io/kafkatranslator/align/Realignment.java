package io.kafkatranslator.align;

import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.decode.SourceBatch;
import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.tokenize.SubwordTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the model has an alignment layer (aligner.onnx), the translations a message uses get its
 * rows instead of the decoder's attention, in one call for the whole batch: the layer reads each
 * finished translation whole, with how alike its words and the source's are spelt, where the
 * attention is computed before each piece is chosen (training/README.md, "Alignments"). A model
 * without one keeps its attention.
 */
public final class Realignment {
    private final SubwordTokenizer sourceTokenizer;
    private final SubwordTokenizer targetTokenizer;
    private final int eosId;

    public Realignment(SubwordTokenizer sourceTokenizer, SubwordTokenizer targetTokenizer, int eosId) {
        this.sourceTokenizer = sourceTokenizer;
        this.targetTokenizer = targetTokenizer;
        this.eosId = eosId;
    }

    /** The first `count` hypotheses of every sentence (those a message uses) realigned. */
    public List<List<Hypothesis>> apply(InferenceSession session, EncodedBatch encoded, SourceBatch source,
                                        List<List<Hypothesis>> hypotheses, int count) {
        if (!session.aligns()) {
            return hypotheses;
        }
        List<int[]> picked = new ArrayList<>();
        for (int b = 0; b < hypotheses.size(); b++) {
            for (int n = 0; n < Math.min(count, hypotheses.get(b).size()); n++) {
                picked.add(new int[] {b, n});
            }
        }
        List<Hypothesis> chosen = picked.stream().map(p -> hypotheses.get(p[0]).get(p[1])).toList();
        float[][][] rows = rows(session, encoded, source, picked.stream().mapToInt(p -> p[0]).toArray(),
                chosen.stream().map(Hypothesis::ids).toArray(int[][]::new),
                chosen.stream().mapToInt(h -> h.alignment().length).toArray());
        List<List<Hypothesis>> out = new ArrayList<>(hypotheses.size());
        for (List<Hypothesis> sentence : hypotheses) {
            out.add(new ArrayList<>(sentence));
        }
        for (int r = 0; r < picked.size(); r++) {
            Hypothesis h = chosen.get(r);
            out.get(picked.get(r)[0]).set(picked.get(r)[1], h.withAlignment(rows[r]));
        }
        return out;
    }

    /** The layer's rows for one target (ids without EOS) of a one-sentence batch, one per target piece. */
    public float[][] forced(InferenceSession session, EncodedBatch encoded, SourceBatch source, int[] target) {
        return rows(session, encoded, source, new int[] {0}, new int[][] {target}, new int[] {target.length})[0];
    }

    /**
     * For target r (ids without EOS; EOS is appended, as the layer was trained) of sentence
     * sentenceOfRow[r], its first rowCounts[r] rows, each cut to the sentence's source length (EOS included).
     */
    private float[][][] rows(InferenceSession session, EncodedBatch encoded, SourceBatch source, int[] sentenceOfRow,
                             int[][] targets, int[] rowCounts) {
        int longest = Arrays.stream(targets).mapToInt(t -> t.length + 1).max().orElse(0);
        int s = encoded.sourceLength();
        long[] ids = new long[targets.length * longest];
        long[] lengths = new long[targets.length];
        float[] similarity = new float[targets.length * longest * s];
        Arrays.fill(ids, eosId);
        for (int r = 0; r < targets.length; r++) {
            int[] target = targets[r];
            for (int t = 0; t < target.length; t++) {
                ids[r * longest + t] = target[t];
            }
            lengths[r] = target.length + 1;
            int sentence = sentenceOfRow[r];
            int[] sourceIds = new int[source.pieces()[sentence]];
            for (int j = 0; j < sourceIds.length; j++) {
                sourceIds[j] = (int) source.ids()[sentence * source.longest() + j];
            }
            float[][] spelt = SpellingSimilarity.pieceMatrix(targetTokenizer.pieces(target), sourceTokenizer.pieces(sourceIds));
            for (int t = 0; t < target.length; t++) {
                System.arraycopy(spelt[t], 0, similarity, (r * longest + t) * s, sourceIds.length);
            }
        }
        float[] out = session.align(encoded, sentenceOfRow, ids, lengths, longest, similarity);
        float[][][] rows = new float[targets.length][][];
        for (int r = 0; r < targets.length; r++) {
            int width = (int) source.lengths()[sentenceOfRow[r]];
            rows[r] = new float[rowCounts[r]][];
            for (int t = 0; t < rowCounts[r]; t++) {
                int from = (r * longest + t) * s;
                rows[r][t] = Arrays.copyOfRange(out, from, from + width);
            }
        }
        return rows;
    }
}
