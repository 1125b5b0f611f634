package io.kafkatranslator.config;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Formality;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Every engine setting, typed, read from its one declaration ({@link Setting}). Each can be overridden
 * by the environment variable of the same name upper-cased with dots as underscores ({@code translator.beam.size} → {@code TRANSLATOR_BEAM_SIZE}).
 */
public record TranslatorConfig(
        List<Path> models,
        Path cacheDir,
        int intraOpThreads,
        DecodingOptions decoding,
        int maxSourceTokens,
        int maxSentenceWords,
        int maxMessageChars,
        int batchMaxTokens,
        int batchMaxSentences,
        double detectionMargin,
        double senderMargin,
        double keepTargetMargin,
        boolean phrasebook,
        FrenchSpacing frenchSpacing) {

    public static final Setting<String> MODELS = new Setting<>("translator.models", "", "(empty: the bundled models)", v -> v,
            v -> true, "", "comma-separated model directories, each following the contract in `training/README.md`, one per "
            + "language pair; requests are routed to them by pair (\"Languages and models\")");
    public static final Setting<Double> KEEP_TARGET_MARGIN = Setting.decimal("translator.keep.target.margin", 0.2,
            v -> v >= 0 && v <= 1, "in [0, 1] (1: every sentence translated)", "a sentence that Lingua finds in the target "
            + "language by this lead is kept as written (\"Languages and models\"; a sentence whose every word the source lexicon "
            + "knows is not asked about); 1: every sentence translated");
    public static final Setting<Double> DETECTION_MARGIN = Setting.decimal("translator.detection.margin", 0.05,
            v -> v >= 0 && v < 1, "in [0, 1)", "a detected language must lead the next one by this much (Lingua's relative "
            + "confidence) or the message is returned untranslated with `LANGUAGE_NOT_DETECTED` (\"Languages and models\")");
    public static final Setting<Double> SENDER_MARGIN = Setting.decimal("translator.detection.sender.margin", 0.1,
            v -> v >= 0 && v <= 1, "in [0, 1]", "a message detected in another language than its sender's usual one "
            + "(\"Conversations\") is translated from the detected one only with this lead; below it, from the usual one. "
            + "0: any detection wins (docs/conversations.md)");
    public static final Setting<String> CACHE_DIR = new Setting<>("translator.cache.dir",
            Path.of(System.getProperty("user.home"), ".cache", "kafka-translator").toString(), "`~/.cache/kafka-translator`",
            v -> v, v -> true, "", "where the bundled models are unpacked and DJL keeps its native libraries");
    public static final Setting<Integer> INTRA_OP_THREADS = Setting.integer("translator.onnx.intra.op.threads", 1,
            v -> v >= 0, ">= 0 (0: ONNX Runtime's default)", "threads ONNX Runtime uses inside one graph run; 0 is ONNX "
            + "Runtime's default, one per core. One keeps its spinning workers off the cores the Kafka clients need "
            + "(measured in `docs/settings.md`): scale with stream threads instead");
    public static final Setting<Integer> BEAM_SIZE = Setting.integer("translator.beam.size", 5,
            v -> v >= 1 && v <= DecodingOptions.MAX_BEAM, "in 1.." + DecodingOptions.MAX_BEAM, "beam size; 1 is greedy search");
    public static final Setting<Integer> NBEST = Setting.integer("translator.nbest", 1, v -> v >= 1, ">= 1",
            "hypotheses returned per sentence (at most the beam size)");
    public static final Setting<Double> LENGTH_PENALTY = Setting.decimal("translator.length.penalty", 0.6, v -> v >= 0, ">= 0",
            "GNMT length-penalty alpha for ranking beam hypotheses");
    public static final Setting<Double> COVERAGE_PENALTY = Setting.decimal("translator.coverage.penalty", 0.2, v -> v >= 0, ">= 0",
            "GNMT coverage-penalty beta for ranking beam hypotheses (greedy search ignores it); 0 switches it off. Chosen on "
            + "the dev split (`docs/settings.md`)");
    public static final Setting<Double> MAX_LENGTH_A = Setting.decimal("translator.max.length.a", 1.5, v -> v >= 0, ">= 0",
            "output capped at floor(a × source pieces + b) tokens");
    public static final Setting<Double> MAX_LENGTH_B = Setting.decimal("translator.max.length.b", 10, v -> v >= 1, ">= 1",
            "b of `translator.max.length.a`");
    public static final Setting<Boolean> REPLACE_UNKNOWNS = Setting.flag("translator.replace.unknowns", true, "replace an "
            + "`<unk>` output by the source word it attended to most; the copy stands for the whole target word (the pieces "
            + "the model goes on spelling it with are dropped), and each source word is copied once");
    public static final Setting<Boolean> ALIGNMENTS = Setting.flag("translator.alignments", true, "compute alignment matrices");
    public static final Setting<Formality> FORMALITY = new Setting<>("translator.formality", Formality.AUTO, "`auto`",
            Formality::parse, v -> true, "", "the register of translations into a language that has two (French \"tu\" "
            + "or \"vous\"): `formal`, `informal` or `auto` (the model's choice, or the conversation's: \"Formality\"); a "
            + "request's `options.formality` overrides it");
    public static final Setting<Boolean> PHRASEBOOK = Setting.flag("translator.phrasebook", true, "a sentence of a "
            + "message that the model's phrasebook (its training corpus's short sentences) or the project's chat formulas "
            + "hold (\"Messages\", guarantee 8) whose search found none of their translations gets the one the model ranks "
            + "first, and a formula opening a sentence before a comma is a clause of its own; false: the search's answer "
            + "always, on whole sentences");
    public static final Setting<Integer> MAX_SOURCE_TOKENS = Setting.integer("translator.max.source.tokens", 200, v -> v > 0,
            "> 0", "the most pieces the model is given at once: a longer sentence is translated in chunks");
    public static final Setting<Integer> MAX_SENTENCE_WORDS = Setting.integer("translator.max.sentence.words", 15, v -> v >= 0,
            ">= 0 (0: sentences kept whole)", "a longer sentence is translated clause by clause, cut after `,` `;` `:` "
            + "(\"Messages\"); 0 keeps sentences whole");
    public static final Setting<Integer> MAX_MESSAGE_CHARS = Setting.integer("translator.max.message.chars", 10_000, v -> v > 0,
            "> 0", "longer messages are rejected with `TEXT_TOO_LONG`");
    public static final Setting<Integer> BATCH_MAX_TOKENS = Setting.integer("translator.batch.max.tokens", 2048, v -> v > 0,
            "> 0", "token budget of a batch: longest source × sentences");
    public static final Setting<Integer> BATCH_MAX_SENTENCES = Setting.integer("translator.batch.max.sentences", 64, v -> v > 0,
            "> 0", "most sentences in a batch");

    public static final Setting<FrenchSpacing> FRENCH_SPACING = new Setting<>("translator.french.spacing", FrenchSpacing.SPACE,
            "`space`", FrenchSpacing::parse, v -> true, "", "the space French output has before `!` `?` `;` `:` and inside "
            + "`« »`: `space` (a plain space, as most French chat is typed), `narrow` (no-break spaces, as typesetters "
            + "want: U+202F before `!` `?` `;`, U+00A0 before `:` and inside `« »`) or `none` (\"Chat spelling and "
            + "typography\")");

    /** In README.md's order. */
    static final List<Setting<?>> SETTINGS = List.of(MODELS, KEEP_TARGET_MARGIN, DETECTION_MARGIN, SENDER_MARGIN, CACHE_DIR, INTRA_OP_THREADS,
            BEAM_SIZE, NBEST, LENGTH_PENALTY, COVERAGE_PENALTY, MAX_LENGTH_A, MAX_LENGTH_B, REPLACE_UNKNOWNS, ALIGNMENTS,
            FORMALITY, PHRASEBOOK, MAX_SOURCE_TOKENS, MAX_SENTENCE_WORDS, MAX_MESSAGE_CHARS, BATCH_MAX_TOKENS, BATCH_MAX_SENTENCES, FRENCH_SPACING);

    public static TranslatorConfig defaults() {
        return from(ConfigSource.of(java.util.Map.of()));
    }

    public static TranslatorConfig from(ConfigSource source) {
        List<Path> models = Arrays.stream(MODELS.from(source).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        DecodingOptions decoding = new DecodingOptions(BEAM_SIZE.from(source), NBEST.from(source), LENGTH_PENALTY.from(source),
                COVERAGE_PENALTY.from(source), MAX_LENGTH_A.from(source), MAX_LENGTH_B.from(source),
                REPLACE_UNKNOWNS.from(source), ALIGNMENTS.from(source), FORMALITY.from(source));
        TranslatorConfig config = new TranslatorConfig(
                models,
                Path.of(CACHE_DIR.from(source)),
                INTRA_OP_THREADS.from(source),
                decoding,
                MAX_SOURCE_TOKENS.from(source),
                MAX_SENTENCE_WORDS.from(source),
                MAX_MESSAGE_CHARS.from(source),
                BATCH_MAX_TOKENS.from(source),
                BATCH_MAX_SENTENCES.from(source),
                DETECTION_MARGIN.from(source),
                SENDER_MARGIN.from(source),
                KEEP_TARGET_MARGIN.from(source),
                PHRASEBOOK.from(source),
                FRENCH_SPACING.from(source));
        config.validate();
        return config;
    }

    public TranslatorConfig withBatching(int maxTokens, int maxSentences) {
        TranslatorConfig changed = new TranslatorConfig(models, cacheDir, intraOpThreads, decoding, maxSourceTokens,
                maxSentenceWords, maxMessageChars, maxTokens, maxSentences, detectionMargin, senderMargin, keepTargetMargin, phrasebook,
                frenchSpacing);
        changed.validate();
        return changed;
    }

    /** What no single setting can check alone (each checks itself as it is read). */
    private void validate() {
        require(batchMaxTokens >= maxSourceTokens, BATCH_MAX_TOKENS.key() + " must be >= " + MAX_SOURCE_TOKENS.key()
                + " so that every sentence or chunk fits a batch");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
