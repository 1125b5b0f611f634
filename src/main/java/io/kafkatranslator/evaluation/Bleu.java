package io.kafkatranslator.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Corpus BLEU exactly as sacreBLEU 2.x computes it by default: 13a tokenisation, mixed case,
 * exponential smoothing, 4-grams, per-segment clipping by the maximum count over its references
 * and the closest reference length (shorter on ties). Same definition as training/metrics.py.
 */
public final class Bleu {
    private static final int ORDER = 4;
    private static final Pattern[] RULES = {
            Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"),
            Pattern.compile("([^0-9])([\\.,])"),
            Pattern.compile("([\\.,])([^0-9])"),
            Pattern.compile("([0-9])(-)"),
    };
    private static final String[] REPLACEMENTS = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};

    private final long[] stats = new long[2 + 2 * ORDER];

    public static List<String> tokenize13a(String line) {
        String s = line.stripTrailing().replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
                .replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        s = " " + s + " ";
        for (int i = 0; i < RULES.length; i++) {
            s = RULES[i].matcher(s).replaceAll(REPLACEMENTS[i]);
        }
        String trimmed = s.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("(?U)\\s+"));
    }

    public void add(String hypothesis, List<String> references) {
        List<String> hyp = tokenize13a(hypothesis);
        Map<List<String>, Integer> refMax = new HashMap<>();
        int closest = -1;
        for (String reference : references) {
            List<String> ref = tokenize13a(reference);
            int diff = Math.abs(hyp.size() - ref.size());
            int best = Math.abs(hyp.size() - closest);
            if (closest < 0 || diff < best || (diff == best && ref.size() < closest)) {
                closest = ref.size();
            }
            ngrams(ref).forEach((gram, count) -> refMax.merge(gram, count, Math::max));
        }
        stats[0] += hyp.size();
        stats[1] += closest;
        for (Map.Entry<List<String>, Integer> e : ngrams(hyp).entrySet()) {
            stats[1 + e.getKey().size()] += Math.min(e.getValue(), refMax.getOrDefault(e.getKey(), 0));
        }
        for (int n = 1; n <= ORDER; n++) {
            stats[1 + ORDER + n] += Math.max(hyp.size() - n + 1, 0);
        }
    }

    public double score() {
        long sysLen = stats[0];
        long refLen = stats[1];
        boolean anyCorrect = false;
        for (int n = 0; n < ORDER; n++) {
            anyCorrect |= stats[2 + n] > 0;
        }
        if (!anyCorrect) {
            return 0.0;
        }
        double bp = sysLen >= refLen ? 1.0 : (sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0);
        double[] precisions = new double[ORDER];
        double smooth = 1.0;
        for (int n = 0; n < ORDER; n++) {
            long correct = stats[2 + n];
            long total = stats[2 + ORDER + n];
            if (total == 0) {
                break;
            }
            if (correct == 0) {
                smooth *= 2;
                precisions[n] = 100.0 / (smooth * total);
            } else {
                precisions[n] = 100.0 * correct / total;
            }
        }
        double logSum = 0;
        for (double p : precisions) {
            logSum += p > 0 ? Math.log(p) : -9999999999.0;
        }
        return bp * Math.exp(logSum / ORDER);
    }

    public static double corpus(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " reference sets");
        }
        Bleu bleu = new Bleu();
        for (int i = 0; i < hypotheses.size(); i++) {
            bleu.add(hypotheses.get(i), references.get(i));
        }
        return bleu.score();
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int n = 1; n <= ORDER; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                out.merge(new ArrayList<>(tokens.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return out;
    }
}
