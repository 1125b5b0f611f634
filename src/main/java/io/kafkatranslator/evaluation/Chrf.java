package io.kafkatranslator.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus chrF as sacreBLEU 2.x computes it by default (chrF2): character n-grams up to 6 with
 * whitespace removed, beta 2, sacreBLEU's effective-order averaging, and for each segment the
 * statistics of its best-scoring reference. Same definition as training/metrics.py.
 */
public final class Chrf {
    private static final int ORDER = 6;
    private final double beta;
    private final long[] stats = new long[3 * ORDER];

    public Chrf() {
        this(2);
    }

    public Chrf(double beta) {
        this.beta = beta;
    }

    public void add(String hypothesis, List<String> references) {
        List<Map<String, Integer>> hyp = charNgrams(hypothesis);
        long[] best = null;
        double bestF = -1;
        for (String reference : references) {
            List<Map<String, Integer>> ref = charNgrams(reference);
            long[] s = new long[3 * ORDER];
            for (int n = 0; n < ORDER; n++) {
                Map<String, Integer> h = hyp.get(n);
                Map<String, Integer> r = ref.get(n);
                long hypCount = 0;
                long match = 0;
                for (Map.Entry<String, Integer> e : h.entrySet()) {
                    hypCount += e.getValue();
                    match += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
                }
                s[3 * n] = r.isEmpty() ? 0 : hypCount;
                s[3 * n + 1] = r.values().stream().mapToLong(Integer::longValue).sum();
                s[3 * n + 2] = match;
            }
            double f = fScore(s);
            if (f > bestF) {
                bestF = f;
                best = s;
            }
        }
        for (int i = 0; i < stats.length; i++) {
            stats[i] += best[i];
        }
    }

    public double score() {
        return fScore(stats);
    }

    public static double corpus(List<String> hypotheses, List<List<String>> references) {
        Chrf chrf = new Chrf();
        for (int i = 0; i < hypotheses.size(); i++) {
            chrf.add(hypotheses.get(i), references.get(i));
        }
        return chrf.score();
    }

    private double fScore(long[] s) {
        double factor = beta * beta;
        double precision = 0;
        double recall = 0;
        int effective = 0;
        for (int n = 0; n < ORDER; n++) {
            long hyp = s[3 * n];
            long ref = s[3 * n + 1];
            long match = s[3 * n + 2];
            if (hyp > 0 && ref > 0) {
                precision += (double) match / hyp;
                recall += (double) match / ref;
                effective++;
            }
        }
        if (effective == 0) {
            return 0.0;
        }
        precision /= effective;
        recall /= effective;
        if (precision + recall == 0) {
            return 0.0;
        }
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall);
    }

    private static List<Map<String, Integer>> charNgrams(String text) {
        String compact = text.replaceAll("(?U)\\s+", "");
        int[] cps = compact.codePoints().toArray();
        List<Map<String, Integer>> out = new java.util.ArrayList<>(ORDER);
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> grams = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                grams.merge(new String(cps, i, n), 1, Integer::sum);
            }
            out.add(grams);
        }
        return out;
    }
}
