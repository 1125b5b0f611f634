package io.kafkatranslator.config;

import io.kafkatranslator.decode.DecodingOptions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Every engine setting, typed, with its default. README.md ("Configuration") lists the same keys;
 * each can be overridden by the environment variable of the same name upper-cased with dots as
 * underscores ({@code translator.beam.size} → {@code TRANSLATOR_BEAM_SIZE}).
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
        double keepTargetMargin) {

    public static final String MODELS = "translator.models";
    public static final String CACHE_DIR = "translator.cache.dir";
    public static final String INTRA_OP_THREADS = "translator.onnx.intra.op.threads";
    public static final String BEAM_SIZE = "translator.beam.size";
    public static final String NBEST = "translator.nbest";
    public static final String LENGTH_PENALTY = "translator.length.penalty";
    public static final String COVERAGE_PENALTY = "translator.coverage.penalty";
    public static final String MAX_LENGTH_A = "translator.max.length.a";
    public static final String MAX_LENGTH_B = "translator.max.length.b";
    public static final String REPLACE_UNKNOWNS = "translator.replace.unknowns";
    public static final String ALIGNMENTS = "translator.alignments";
    public static final String MAX_SOURCE_TOKENS = "translator.max.source.tokens";
    public static final String MAX_SENTENCE_WORDS = "translator.max.sentence.words";
    public static final String MAX_MESSAGE_CHARS = "translator.max.message.chars";
    public static final String BATCH_MAX_TOKENS = "translator.batch.max.tokens";
    public static final String BATCH_MAX_SENTENCES = "translator.batch.max.sentences";
    public static final String DETECTION_MARGIN = "translator.detection.margin";
    public static final String KEEP_TARGET_MARGIN = "translator.keep.target.margin";

    static final List<String> KNOWN_KEYS = List.of(MODELS, CACHE_DIR, INTRA_OP_THREADS, BEAM_SIZE, NBEST,
            LENGTH_PENALTY, COVERAGE_PENALTY, MAX_LENGTH_A, MAX_LENGTH_B, REPLACE_UNKNOWNS, ALIGNMENTS, MAX_SOURCE_TOKENS,
            MAX_SENTENCE_WORDS, MAX_MESSAGE_CHARS, BATCH_MAX_TOKENS, BATCH_MAX_SENTENCES, DETECTION_MARGIN,
            KEEP_TARGET_MARGIN);

    public static TranslatorConfig defaults() {
        return from(ConfigSource.of(java.util.Map.of()));
    }

    public static TranslatorConfig from(ConfigSource source) {
        List<Path> models = Arrays.stream(source.get(MODELS, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        String cacheDir = source.get(CACHE_DIR, Path.of(System.getProperty("user.home"), ".cache", "kafka-translator").toString());
        DecodingOptions decoding = new DecodingOptions(
                source.getInt(BEAM_SIZE, 5),
                source.getInt(NBEST, 1),
                source.getDouble(LENGTH_PENALTY, 0.6),
                source.getDouble(COVERAGE_PENALTY, 0.2),
                source.getDouble(MAX_LENGTH_A, 1.5),
                source.getDouble(MAX_LENGTH_B, 10),
                source.getBoolean(REPLACE_UNKNOWNS, true),
                source.getBoolean(ALIGNMENTS, true));
        TranslatorConfig config = new TranslatorConfig(
                models,
                Path.of(cacheDir),
                source.getInt(INTRA_OP_THREADS, 1),
                decoding,
                source.getInt(MAX_SOURCE_TOKENS, 200),
                source.getInt(MAX_SENTENCE_WORDS, 15),
                source.getInt(MAX_MESSAGE_CHARS, 10_000),
                source.getInt(BATCH_MAX_TOKENS, 2048),
                source.getInt(BATCH_MAX_SENTENCES, 64),
                source.getDouble(DETECTION_MARGIN, 0.05),
                source.getDouble(KEEP_TARGET_MARGIN, 0.2));
        config.validate();
        return config;
    }

    public TranslatorConfig withBatching(int maxTokens, int maxSentences) {
        TranslatorConfig changed = new TranslatorConfig(models, cacheDir, intraOpThreads, decoding, maxSourceTokens,
                maxSentenceWords, maxMessageChars, maxTokens, maxSentences, detectionMargin, keepTargetMargin);
        changed.validate();
        return changed;
    }

    private void validate() {
        decoding.validate();
        require(intraOpThreads >= 0, INTRA_OP_THREADS + " must be >= 0 (0: ONNX Runtime's default)");
        require(maxSourceTokens > 0, MAX_SOURCE_TOKENS + " must be > 0");
        require(maxSentenceWords >= 0, MAX_SENTENCE_WORDS + " must be >= 0 (0: sentences kept whole)");
        require(maxMessageChars > 0, MAX_MESSAGE_CHARS + " must be > 0");
        require(batchMaxSentences > 0, BATCH_MAX_SENTENCES + " must be > 0");
        require(detectionMargin >= 0 && detectionMargin < 1, DETECTION_MARGIN + " must be in [0, 1)");
        require(keepTargetMargin >= 0 && keepTargetMargin <= 1, KEEP_TARGET_MARGIN + " must be in [0, 1] (1: every sentence translated)");
        require(batchMaxTokens >= maxSourceTokens, BATCH_MAX_TOKENS + " must be >= " + MAX_SOURCE_TOKENS
                + " so that every sentence or chunk fits a batch");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
