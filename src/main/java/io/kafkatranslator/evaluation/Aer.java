package io.kafkatranslator.evaluation;

import java.util.Set;

/** Alignment error rate over a corpus (Och & Ney 2003): 1 − (|A∩S| + |A∩P|) / (|A| + |S|), P including S. */
public final class Aer {
    private long predicted;
    private long sure;
    private long hitsSure;
    private long hitsPossible;

    public void add(Set<Integer> links, AlignmentTestSet.Gold gold) {
        predicted += links.size();
        sure += gold.sure().size();
        for (int link : links) {
            hitsSure += gold.sure().contains(link) ? 1 : 0;
            hitsPossible += gold.possible().contains(link) ? 1 : 0;
        }
    }

    public double aer() {
        return 1.0 - (double) (hitsSure + hitsPossible) / (predicted + sure);
    }

    /** Share of predicted links that are possible (or sure). */
    public double precision() {
        return predicted == 0 ? 0 : (double) hitsPossible / predicted;
    }

    /** Share of sure links that were predicted. */
    public double recall() {
        return sure == 0 ? 0 : (double) hitsSure / sure;
    }
}
