package io.kafkatranslator.decode;

/**
 * How sentences are decoded. beamSize 1 is greedy search. The output of a sentence with n source
 * pieces is capped at floor(maxLengthA * n + maxLengthB) tokens; lengthPenalty is GNMT's alpha.
 */
public record DecodingOptions(
        int beamSize,
        int nbest,
        double lengthPenalty,
        double maxLengthA,
        double maxLengthB,
        boolean replaceUnknowns,
        boolean alignments) {

    public void validate() {
        if (beamSize < 1 || beamSize > 64) {
            throw new IllegalArgumentException("beam size must be in 1..64, got " + beamSize);
        }
        if (nbest < 1 || nbest > beamSize) {
            throw new IllegalArgumentException("n-best must be in 1..beam size (" + beamSize + "), got " + nbest);
        }
        if (lengthPenalty < 0) {
            throw new IllegalArgumentException("length penalty must be >= 0, got " + lengthPenalty);
        }
        if (maxLengthA < 0 || maxLengthB < 1) {
            throw new IllegalArgumentException("max length needs a >= 0 and b >= 1");
        }
    }

    public int maxOutputLength(int sourcePieces) {
        return (int) Math.floor(maxLengthA * sourcePieces + maxLengthB);
    }

    public DecodingOptions withBeam(int beam, int best) {
        return new DecodingOptions(beam, best, lengthPenalty, maxLengthA, maxLengthB, replaceUnknowns, alignments);
    }

    public boolean greedy() {
        return beamSize == 1;
    }
}
