package io.kafkatranslator.decode;

/**
 * How sentences are decoded, and the one place where decoding options are checked, whether they come
 * from the configuration or from a request. beamSize 1 is greedy search. The output of a sentence
 * with n source pieces is capped at floor(maxLengthA * n + maxLengthB) tokens; lengthPenalty is
 * GNMT's alpha, coveragePenalty GNMT's beta (beam search only). formality: the register asked of a target
 * language that has two (see {@link Formality}).
 */
public record DecodingOptions(
        int beamSize,
        int nbest,
        double lengthPenalty,
        double coveragePenalty,
        double maxLengthA,
        double maxLengthB,
        boolean replaceUnknowns,
        boolean alignments,
        Formality formality) {

    /** Wider beams cost linearly more and no longer help this model (training/README.md). */
    public static final int MAX_BEAM = 16;

    /** IllegalArgumentException, with a message a person can act on, for options out of range: no such options exist. */
    public DecodingOptions {
        if (beamSize < 1 || beamSize > MAX_BEAM) {
            throw new IllegalArgumentException("beam size must be in 1.." + MAX_BEAM + ", got " + beamSize);
        }
        if (nbest < 1 || nbest > beamSize) {
            throw new IllegalArgumentException("n-best must be in 1..beam size (" + beamSize + "), got " + nbest);
        }
        if (lengthPenalty < 0 || coveragePenalty < 0) {
            throw new IllegalArgumentException("length and coverage penalties must be >= 0");
        }
        if (maxLengthA < 0 || maxLengthB < 1) {
            throw new IllegalArgumentException("max length needs a >= 0 and b >= 1");
        }
        java.util.Objects.requireNonNull(formality, "formality");
    }

    public int maxOutputLength(int sourcePieces) {
        return (int) Math.floor(maxLengthA * sourcePieces + maxLengthB);
    }

    public DecodingOptions withBeam(int beam, int best) {
        return new DecodingOptions(beam, best, lengthPenalty, coveragePenalty, maxLengthA, maxLengthB, replaceUnknowns,
                alignments, formality);
    }

    public DecodingOptions withFormality(Formality asked) {
        return new DecodingOptions(beamSize, nbest, lengthPenalty, coveragePenalty, maxLengthA, maxLengthB, replaceUnknowns,
                alignments, asked);
    }

    /**
     * These options as a request overrides them (null: keep). Without a beam size, n-best must fit the
     * default beam; without n-best, it is the default n-best within the beam. A formality is one of
     * {@link Formality}'s names.
     */
    public DecodingOptions forRequest(Integer requestBeam, Integer requestNbest, Boolean requestAlignments,
                                      String requestFormality) {
        int beam = requestBeam != null ? requestBeam : beamSize;
        int best = requestNbest != null ? requestNbest : Math.min(nbest, beam);
        return new DecodingOptions(beam, best, lengthPenalty, coveragePenalty, maxLengthA, maxLengthB,
                replaceUnknowns, requestAlignments != null ? requestAlignments : alignments,
                requestFormality != null ? Formality.parse(requestFormality) : formality);
    }

    public boolean greedy() {
        return beamSize == 1;
    }
}
