package io.kafkatranslator.engine;

import io.kafkatranslator.batching.TokenBudgetBatcher;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.BeamSearchDecoder;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.GreedyDecoder;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.decode.SourceBatch;
import io.kafkatranslator.model.ModelManifest;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.tokenize.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's translator: validates, tokenises, cuts token-budgeted batches, decodes them and
 * returns one outcome per input, in input order. A sentence that cannot be translated gets a
 * {@link TranslationError}; the other sentences of its batch are still translated.
 */
public final class Translator implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Translator.class);

    private final TranslationEngine engine;
    private final InferenceSession session;
    private final GreedyDecoder greedy;
    private final BeamSearchDecoder beam;
    private final OutputBuilder output;
    private final TokenBudgetBatcher batcher;
    private final ModelManifest.SpecialIds ids;

    Translator(TranslationEngine engine, InferenceSession session, TranslatorConfig batching) {
        this.engine = engine;
        this.session = session;
        this.ids = engine.manifest().specialIds();
        this.greedy = new GreedyDecoder(ids.bos(), ids.eos());
        this.beam = new BeamSearchDecoder(ids.bos(), ids.eos());
        this.output = new OutputBuilder(engine.sourceTokenizer(), engine.targetTokenizer(), ids.unk());
        this.batcher = new TokenBudgetBatcher(batching.batchMaxTokens(), batching.batchMaxSentences());
    }

    public List<TranslationOutcome> translate(List<String> texts) {
        return translate(texts, engine.config().decoding());
    }

    public List<TranslationOutcome> translate(List<String> texts, DecodingOptions options) {
        options.validate();
        TranslationOutcome[] outcomes = new TranslationOutcome[texts.size()];
        String[] normalized = new String[texts.size()];
        int[][] pieces = new int[texts.size()][];
        List<Integer> valid = new ArrayList<>();
        int maxTokens = engine.config().maxSourceTokens();
        for (int i = 0; i < texts.size(); i++) {
            TranslationError error = InputValidator.check(texts.get(i));
            if (error == null) {
                normalized[i] = TextNormalizer.normalize(texts.get(i));
                pieces[i] = engine.sourceTokenizer().encode(normalized[i]);
                if (pieces[i].length > maxTokens) {
                    error = new TranslationError(ErrorCode.TEXT_TOO_LONG, "the text has " + pieces[i].length
                            + " source tokens, more than the maximum of " + maxTokens);
                } else if (pieces[i].length == 0) {
                    error = new TranslationError(ErrorCode.EMPTY_TEXT, "the text has no translatable content");
                }
            }
            if (error != null) {
                outcomes[i] = error;
            } else {
                valid.add(i);
            }
        }
        int[] lengths = valid.stream().mapToInt(i -> pieces[i].length + 1).toArray();
        for (int[] batch : batcher.batches(lengths)) {
            int[] members = Arrays.stream(batch).map(valid::get).toArray();
            decodeBatch(members, normalized, pieces, options, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    private void decodeBatch(int[] members, String[] normalized, int[][] pieces, DecodingOptions options,
                             TranslationOutcome[] outcomes) {
        try {
            List<List<Hypothesis>> hypotheses = decode(members, pieces, options);
            for (int m = 0; m < members.length; m++) {
                int i = members[m];
                outcomes[i] = output.build(normalized[i], pieces[i], hypotheses.get(m), options);
            }
        } catch (RuntimeException e) {
            if (members.length > 1) {
                // Find the sentence that breaks the batch: the others must still be translated.
                for (int member : members) {
                    decodeBatch(new int[] {member}, normalized, pieces, options, outcomes);
                }
                return;
            }
            LOG.warn("translation failed for one sentence", e);
            outcomes[members[0]] = new TranslationError(ErrorCode.TRANSLATION_FAILED,
                    "the model failed on this sentence: " + e.getMessage());
        }
    }

    private List<List<Hypothesis>> decode(int[] members, int[][] pieces, DecodingOptions options) {
        int[][] sentences = new int[members.length][];
        for (int m = 0; m < members.length; m++) {
            sentences[m] = pieces[members[m]];
        }
        SourceBatch batch = SourceBatch.of(sentences, ids.eos(), ids.pad());
        if (options.greedy()) {
            List<List<Hypothesis>> out = new ArrayList<>();
            for (Hypothesis h : greedy.decode(session, batch, options)) {
                out.add(List.of(h));
            }
            return out;
        }
        return beam.decode(session, batch, options);
    }

    /** Source pieces of a text as the model will see it (0 for text that is not translatable). */
    public int sourceTokens(String text) {
        return InputValidator.check(text) == null ? engine.sourceTokenizer().encode(TextNormalizer.normalize(text)).length : 0;
    }

    /** Low-level access for the parity test and the benchmark: decode already-tokenised sources. */
    public List<List<Hypothesis>> decodeIds(int[][] sources, DecodingOptions options) {
        int[] members = new int[sources.length];
        Arrays.setAll(members, i -> i);
        return decode(members, sources, options);
    }

    @Override
    public void close() {
        session.close();
    }
}
