package io.kafkatranslator.engine;

/**
 * How much to trust a translation. meanLogProb: the model's mean log-probability per target token
 * (end of sentence included); coverage: how much of the source the attention covered, the mean over
 * source pieces of min(1, attention received over the whole translation) (GNMT's coverage, as a
 * share). lowConfidence when either falls below its floor: a chat client should show such a
 * translation as doubtful. The floors were set on the dev split (README, "Messages"), never on test data. A
 * translation a phrasebook gives for the sentence (a person's) is never doubtful, however unlikely the
 * model finds it.
 */
public record QualitySignal(double meanLogProb, double coverage, boolean lowConfidence) {
    public static final double MIN_MEAN_LOG_PROB = -1.2;
    public static final double MIN_COVERAGE = 0.35;

    /** covered: the sum over source pieces of min(1, attention received). */
    public static QualitySignal of(double logProb, int tokens, double covered, int pieces, boolean fromPhrasebook) {
        double mean = tokens == 0 ? 0 : logProb / tokens;
        double coverage = pieces == 0 ? 1 : covered / pieces;
        return new QualitySignal(mean, coverage, !fromPhrasebook && (mean < MIN_MEAN_LOG_PROB || coverage < MIN_COVERAGE));
    }
}
