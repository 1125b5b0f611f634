package io.kafkatranslator.decode;

import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;

import java.util.List;

/** How a batch of source sentences becomes target hypotheses (CTranslate2's SearchStrategy shape). */
public interface SearchStrategy {

    /** For every sentence of the encoded batch, its hypotheses, best first (one for greedy search). */
    List<List<Hypothesis>> search(InferenceSession session, EncodedBatch encoded, SourceBatch source, DecodingOptions options);

    /** Greedy search for beam size 1, beam search otherwise. */
    static SearchStrategy of(DecodingOptions options, int bosId, int eosId) {
        return options.greedy() ? new GreedySearch(bosId, eosId) : new BeamSearch(bosId, eosId);
    }
}
