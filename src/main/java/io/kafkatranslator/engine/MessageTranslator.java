package io.kafkatranslator.engine;

import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.align.Realignment;
import io.kafkatranslator.batching.TokenBudgetBatcher;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.ForcedDecoding;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.decode.SearchStrategy;
import io.kafkatranslator.decode.SourceBatch;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.message.MessageAssembler;
import io.kafkatranslator.message.MessagePreparer;
import io.kafkatranslator.message.MessageContext;
import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.message.Unit;
import io.kafkatranslator.model.ModelManifest;
import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.tokenize.SubwordTokenizer;
import io.kafkatranslator.tokenize.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * One thread's translator of chat messages: prepares them (see {@link MessagePreparer}), sends
 * every sentence of every message through the same token-budgeted batches, and reassembles each
 * message (see {@link MessageAssembler}). One outcome per message, in input order: a message that
 * cannot be translated gets a {@link TranslationError} and the others are still translated.
 */
public final class MessageTranslator implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessageTranslator.class);

    private final InferenceSession session;
    private final DecodingOptions defaults;
    private final MessagePreparer preparer;
    private final MessageAssembler assembler;
    private final TokenBudgetBatcher batcher;
    private final ModelManifest manifest;
    /** Whether a register asked is held by {@link RegisterChoice}: a French model that follows one. */
    private final boolean choosesRegister;
    private final ModelManifest.SpecialIds ids;
    private final SubwordTokenizer sourceTokenizer;
    private final SubwordTokenizer targetTokenizer;
    private final Realignment realignment;
    private final Phrasebook phrasebook;

    MessageTranslator(TranslationEngine engine, InferenceSession session, TranslatorConfig batching) {
        TranslatorConfig config = engine.config();
        this.session = session;
        this.defaults = config.decoding();
        this.manifest = engine.manifest();
        this.ids = manifest.specialIds();
        this.choosesRegister = manifest.followsFormality() && "fr".equals(manifest.targetLanguage());
        this.sourceTokenizer = engine.sourceTokenizer();
        this.targetTokenizer = engine.targetTokenizer();
        this.realignment = new Realignment(sourceTokenizer, targetTokenizer, ids.eos());
        this.phrasebook = engine.phrasebook();
        this.preparer = new MessagePreparer(sourceTokenizer, engine.sourceLexicon(),
                new LanguagePair(engine.manifest().sourceLanguage(), engine.manifest().targetLanguage()),
                carried(sourceTokenizer, targetTokenizer, ids.unk()), engine::inTargetLanguage, engine.formulas()::holds, config);
        this.assembler = new MessageAssembler(new OutputBuilder(sourceTokenizer, targetTokenizer, ids.unk()));
        this.batcher = new TokenBudgetBatcher(batching.batchMaxTokens(), batching.batchMaxSentences());
    }

    /**
     * A mark the source vocabulary spells, as the model reads it, and the target's can write back: neither
     * gives it the unknown piece.
     */
    private static IntPredicate carried(SubwordTokenizer source, SubwordTokenizer target, int unk) {
        return codePoint -> {
            String mark = TextNormalizer.normalize(Character.toString(codePoint));
            return IntStream.concat(IntStream.of(source.encode(mark)), IntStream.of(target.encode(mark)))
                    .noneMatch(id -> id == unk);
        };
    }

    /** Validates, segments and tokenises a message: the only place where that happens. */
    public Preparation prepare(String text) {
        return prepare(text, MessageContext.NONE);
    }

    /** context: the participants' names and the glossary of the message's conversation and tenant. */
    public Preparation prepare(String text, MessageContext context) {
        return preparer.prepare(text, context);
    }

    public List<TranslationOutcome> translate(List<String> texts) {
        return translate(texts, defaults);
    }

    public List<TranslationOutcome> translate(List<String> texts, DecodingOptions options) {
        return translatePreparations(texts, this::prepare, options, phrasebook);
    }

    /**
     * Each text as one sentence given to the model as written, with none of the message handling (the phrasebook
     * included): what this engine did before it translated messages. The robustness report's baseline.
     */
    public List<TranslationOutcome> translateAsOneSentence(List<String> texts, DecodingOptions options) {
        return translatePreparations(texts, preparer::prepareAsOneSentence, options, Phrasebook.EMPTY);
    }

    private List<TranslationOutcome> translatePreparations(List<String> texts, Function<String, Preparation> prepare,
                                                           DecodingOptions options, Phrasebook known) {
        List<Preparation> preparations = texts.stream().map(prepare).toList();
        List<PreparedMessage> prepared = new ArrayList<>();
        for (Preparation p : preparations) {
            if (p instanceof PreparedMessage m) {
                prepared.add(m);
            }
        }
        List<TranslationOutcome> translated = translatePrepared(prepared, options, known);
        List<TranslationOutcome> out = new ArrayList<>(texts.size());
        int next = 0;
        for (Preparation p : preparations) {
            out.add(p instanceof TranslationError e ? e : translated.get(next++));
        }
        return out;
    }

    /**
     * Translates prepared messages: all their sentences in shared token-budgeted batches; a sentence the phrasebook
     * holds keeps what the search found where the phrasebook translates it so, and gets the phrasebook's translation the model
     * ranks first where it does not.
     */
    public List<TranslationOutcome> translatePrepared(List<PreparedMessage> messages, DecodingOptions options) {
        return translatePrepared(messages, options, phrasebook);
    }

    private List<TranslationOutcome> translatePrepared(List<PreparedMessage> messages, DecodingOptions options,
                                                       Phrasebook known) {
        List<int[]> units = new ArrayList<>();
        for (int m = 0; m < messages.size(); m++) {
            List<Unit> us = messages.get(m).units();
            for (int u = 0; u < us.size(); u++) {
                if (us.get(u).translatable()) {
                    units.add(new int[] {m, u});
                }
            }
        }
        int[][] sources = units.stream().map(mu -> messages.get(mu[0]).units().get(mu[1]).ids()).toArray(int[][]::new);
        List<List<Hypothesis>> results = new ArrayList<>(Collections.nCopies(sources.length, null));
        TranslationError[] errors = new TranslationError[sources.length];
        int[] lengths = Arrays.stream(sources).mapToInt(s -> s.length + 1).toArray();
        for (int[] batch : batcher.batches(lengths)) {
            decodeBatch(batch, sources, options, results, errors);
        }
        for (int i = 0; i < sources.length; i++) {
            List<int[]> given = phrasebookTranslations(known, messages.get(units.get(i)[0]).units().get(units.get(i)[1]), options);
            if (errors[i] == null && !given.isEmpty() && !agrees(results.get(i), given)) {
                results.set(i, ranked(sources[i], given, options));
            }
        }
        List<List<List<Hypothesis>>> hypotheses = new ArrayList<>();
        for (PreparedMessage message : messages) {
            hypotheses.add(new ArrayList<>(Collections.nCopies(message.units().size(), null)));
        }
        TranslationError[] failures = new TranslationError[messages.size()];
        for (int i = 0; i < sources.length; i++) {
            int[] mu = units.get(i);
            if (errors[i] != null) {
                failures[mu[0]] = errors[i];
            } else {
                hypotheses.get(mu[0]).set(mu[1], results.get(i));
            }
        }
        List<TranslationOutcome> out = new ArrayList<>(messages.size());
        for (int m = 0; m < messages.size(); m++) {
            out.add(failures[m] != null ? failures[m] : assemble(messages.get(m), hypotheses.get(m), options));
        }
        return out;
    }

    private TranslationOutcome assemble(PreparedMessage message, List<List<Hypothesis>> hypotheses, DecodingOptions options) {
        try {
            return assembler.assemble(message, hypotheses, options);
        } catch (RuntimeException e) {
            LOG.warn("reassembling a translated message failed", e);
            return new TranslationError(ErrorCode.TRANSLATION_FAILED, "reassembling the message failed: " + e);
        }
    }

    private void decodeBatch(int[] members, int[][] sources, DecodingOptions options, List<List<Hypothesis>> results,
                             TranslationError[] errors) {
        try {
            int[][] batch = Arrays.stream(members).mapToObj(i -> sources[i]).toArray(int[][]::new);
            List<List<Hypothesis>> hypotheses = decodeIds(batch, options);
            for (int m = 0; m < members.length; m++) {
                results.set(members[m], hypotheses.get(m));
            }
        } catch (RuntimeException e) {
            if (members.length > 1) {
                // Find the sentence that breaks the batch: the others must still be translated.
                for (int member : members) {
                    decodeBatch(new int[] {member}, sources, options, results, errors);
                }
                return;
            }
            LOG.warn("translation failed for one sentence", e);
            errors[members[0]] = new TranslationError(ErrorCode.TRANSLATION_FAILED,
                    "the model failed on a sentence of this message: " + e.getMessage());
        }
    }

    /**
     * The phrasebook's translations of a unit, as target ids: those in the register asked (or addressing no one) where
     * the model follows one, and none with a piece the target vocabulary lacks.
     */
    private List<int[]> phrasebookTranslations(Phrasebook known, Unit unit, DecodingOptions options) {
        List<int[]> given = new ArrayList<>();
        for (String translation : known.translations(unit.modelText())) {
            int[] target = targetTokenizer.encode(translation);
            if ((!choosesRegister || RegisterChoice.fits(translation, options.formality()))
                    && Arrays.stream(target).noneMatch(id -> id == ids.unk())) {
                given.add(target);
            }
        }
        return given;
    }

    /** Whether the search's best translation is one the phrasebook gives. */
    private static boolean agrees(List<Hypothesis> searched, List<int[]> given) {
        return given.stream().anyMatch(g -> Arrays.equals(g, searched.get(0).ids()));
    }

    /** A sentence's phrasebook translations as hypotheses, the model's favourite first, aligned as searched ones are. */
    private List<Hypothesis> ranked(int[] source, List<int[]> given, DecodingOptions options) {
        SourceBatch batch = SourceBatch.of(new int[][] {source}, manifest.sourceEnd(options.formality()), ids.pad());
        EncodedBatch encoded = encode(batch);
        List<Hypothesis> ranked = ForcedDecoding.rank(session, encoded, given, ids.bos(), ids.eos(), options.lengthPenalty())
                .stream().map(Hypothesis::asPhrasebookTranslation).toList();
        return realignment.apply(session, encoded, batch, List.of(ranked), options.nbest()).get(0);
    }

    /**
     * The model forced through a given translation of one sentence, both as written (normalised
     * the model's way): for every target word, the alignment the engine reports (the alignment
     * layer's where the model has one) and the decoder's attention, merged to words as the engine merges them.
     */
    public ForcedAlignment forceAlign(String source, String target) {
        String normalizedSource = TextNormalizer.normalize(source);
        String normalizedTarget = TextNormalizer.normalize(target);
        if (normalizedSource.isEmpty() || normalizedTarget.isEmpty()) {
            throw new IllegalArgumentException("nothing to align: the source or the target is empty");
        }
        int[] sourceIds = sourceTokenizer.encode(normalizedSource);
        int[] targetIds = targetTokenizer.encode(normalizedTarget);
        SourceBatch batch = SourceBatch.of(new int[][] {sourceIds}, ids.eos(), ids.pad());
        EncodedBatch encoded = encode(batch);
        ForcedDecoding.Forced forced = ForcedDecoding.force(session, encoded, targetIds, ids.bos(), ids.eos());
        int[] sourceWordOf = SubwordTokenizer.wordIndex(sourceTokenizer.pieces(sourceIds));
        int[] targetWordOf = SubwordTokenizer.wordIndex(targetTokenizer.pieces(targetIds));
        List<String> sourceWords = List.of(normalizedSource.split(" "));
        List<String> targetWords = List.of(normalizedTarget.split(" "));
        if (sourceWordOf[sourceWordOf.length - 1] + 1 != sourceWords.size()
                || targetWordOf[targetWordOf.length - 1] + 1 != targetWords.size()) {
            throw new IllegalArgumentException("SentencePiece does not keep the words of: " + source + " ||| " + target);
        }
        Function<float[][], float[][]> merged = rows -> Alignments.words(
                Alignments.subword(rows, targetIds.length, sourceIds.length),
                targetWordOf, targetWords.size(), sourceWordOf, sourceWords.size());
        float[][] attention = merged.apply(forced.attention());
        float[][] reported = session.aligns() ? merged.apply(realignment.forced(session, encoded, batch, targetIds)) : attention;
        return new ForcedAlignment(sourceWords, targetWords, reported, attention, forced.logProb(), targetIds.length + 1);
    }

    /**
     * A translation memory's answer to a message: as approved, aligned by the model forced through it when the options
     * ask for alignments (without them when the model's pieces do not keep its words).
     */
    public Translation recall(String source, String translation, DecodingOptions options) {
        ForcedAlignment aligned = null;
        if (options.alignments()) {
            try {
                aligned = forceAlign(source, translation);
            } catch (IllegalArgumentException e) {
                LOG.debug("a remembered translation is given without its alignment: {}", e.getMessage());
            }
        }
        return Translation.remembered(source, translation, aligned);
    }

    /** Decodes already-tokenised sources (also the parity test's and the benchmark's entry point). */
    public List<List<Hypothesis>> decodeIds(int[][] sources, DecodingOptions options) {
        SourceBatch batch = SourceBatch.of(sources, manifest.sourceEnd(options.formality()), ids.pad());
        EncodedBatch encoded = encode(batch);
        List<List<Hypothesis>> found = SearchStrategy.of(options, ids.bos(), ids.eos()).search(session, encoded, batch, options);
        if (choosesRegister) {
            found = RegisterChoice.apply(found, options.formality(), targetTokenizer);
        }
        return realignment.apply(session, encoded, batch, found, options.nbest());
    }

    private EncodedBatch encode(SourceBatch batch) {
        return session.encode(batch.ids(), batch.lengths(), batch.size(), batch.longest());
    }

    /** Whether the model has an alignment layer, whose alignments it reports instead of the attention's. */
    public boolean aligns() {
        return session.aligns();
    }

    @Override
    public void close() {
        session.close();
    }
}
