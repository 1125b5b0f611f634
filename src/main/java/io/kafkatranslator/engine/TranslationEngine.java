package io.kafkatranslator.engine;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.model.ModelManifest;
import io.kafkatranslator.runtime.DjlBackend;
import io.kafkatranslator.runtime.DjlEnvironment;
import io.kafkatranslator.runtime.InferenceBackend;
import io.kafkatranslator.tokenize.SourceLexicon;
import io.kafkatranslator.tokenize.SubwordTokenizer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;

/**
 * A loaded model with its tokenizers, shared by every thread. Each thread translates through its
 * own {@link MessageTranslator} ({@link #newTranslator()}), which holds that thread's predictors.
 */
public final class TranslationEngine implements AutoCloseable {
    private final TranslatorConfig config;
    private final ModelDirectory model;
    private final SubwordTokenizer sourceTokenizer;
    private final SubwordTokenizer targetTokenizer;
    private final SourceLexicon sourceLexicon;
    private final Phrasebook formulas;
    private final Phrasebook phrasebook;
    private final LanguageDetector detector;
    private final InferenceBackend backend;
    /** A word as the source lexicon counts them (training/lexicon.py): a run of letters. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final int COMMON = 20;

    private TranslationEngine(TranslatorConfig config, ModelDirectory model, InferenceBackend backend) {
        this.config = config;
        this.model = model;
        this.backend = backend;
        ModelManifest manifest = model.manifest();
        this.sourceTokenizer = new SubwordTokenizer(model.file(manifest.sourceTokenizer()));
        this.targetTokenizer = new SubwordTokenizer(model.file(manifest.targetTokenizer()));
        this.sourceLexicon = manifest.sourceLexicon() == null ? null : SourceLexicon.read(model.file(manifest.sourceLexicon()));
        this.formulas = !config.phrasebook() ? Phrasebook.EMPTY
                : Phrasebook.chatPhrases(new LanguagePair(manifest.sourceLanguage(), manifest.targetLanguage()));
        this.phrasebook = !config.phrasebook() || manifest.phrasebook() == null ? formulas
                : formulas.plus(Phrasebook.read(model.file(manifest.phrasebook())));
        this.detector = config.keepTargetMargin() >= 1 ? null
                : new LanguageDetector(List.of(manifest.sourceLanguage(), manifest.targetLanguage()), config.keepTargetMargin());
    }

    /** Loads the configured model (of the bundled ones by default) that serves the pair, on DJL's ONNX Runtime engine. */
    public static TranslationEngine load(TranslatorConfig config, LanguagePair pair) {
        return load(config, pair, djl(config));
    }

    /** The same on another backend (the benchmark compares them on the same decoding loop). */
    public static TranslationEngine load(TranslatorConfig config, LanguagePair pair,
                                         Function<ModelDirectory, InferenceBackend> backendFactory) {
        return load(config, ModelDirectory.forPair(config.models(), config.cacheDir(), pair.toString()), backendFactory);
    }

    static TranslationEngine load(TranslatorConfig config, ModelDirectory model,
                                  Function<ModelDirectory, InferenceBackend> backendFactory) {
        DjlEnvironment.configure(config.cacheDir());
        return new TranslationEngine(config, model, backendFactory.apply(model));
    }

    static Function<ModelDirectory, InferenceBackend> djl(TranslatorConfig config) {
        return dir -> new DjlBackend(dir, config.intraOpThreads());
    }

    public MessageTranslator newTranslator() {
        return newTranslator(config);
    }

    /** A translator cutting batches by the given configuration's batch limits. */
    public MessageTranslator newTranslator(TranslatorConfig batching) {
        return new MessageTranslator(this, backend.newSession(), batching);
    }

    public TranslatorConfig config() {
        return config;
    }

    public ModelManifest manifest() {
        return model.manifest();
    }

    public LanguagePair pair() {
        return new LanguagePair(model.manifest().sourceLanguage(), model.manifest().targetLanguage());
    }

    /** Where the model was loaded from (for the benchmark's Python reference). */
    public java.nio.file.Path modelDir() {
        return model.dir();
    }

    public String backendName() {
        return backend.name();
    }

    SubwordTokenizer sourceTokenizer() {
        return sourceTokenizer;
    }

    SubwordTokenizer targetTokenizer() {
        return targetTokenizer;
    }

    /** Null for a model exported without one. */
    SourceLexicon sourceLexicon() {
        return sourceLexicon;
    }

    /** The project's chat formulas for the pair and the model's phrasebook; empty where translator.phrasebook is off. */
    Phrasebook phrasebook() {
        return phrasebook;
    }

    /** The project's chat formulas for the pair alone; empty where translator.phrasebook is off. */
    Phrasebook formulas() {
        return formulas;
    }

    /**
     * Whether a sentence is already in the target language, by a lead of translator.keep.target.margin.
     * A sentence whose every word is common in the model's training sources is taken to be in the
     * source language without asking Lingua, whose models take a large part of a short command's
     * start-up to load. Common: seen COMMON times at least, since those sources hold the odd English
     * word too ("hey" 4 times, "there" once in the French of Tatoeba).
     */
    boolean inTargetLanguage(String sentence) {
        return detector != null && (sourceLexicon == null || hasUnknownWord(sentence))
                && manifest().targetLanguage().equals(detector.detect(sentence).language());
    }

    private boolean hasUnknownWord(String sentence) {
        Matcher words = WORD.matcher(sentence);
        while (words.find()) {
            if (sourceLexicon.count(words.group()) < COMMON) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        backend.close();
        sourceTokenizer.close();
        targetTokenizer.close();
    }
}
