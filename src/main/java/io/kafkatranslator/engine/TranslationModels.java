package io.kafkatranslator.engine;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.model.ModelLoadException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every configured model (translator.models; the bundled ones by default), one per language pair.
 * They share nothing but the process: each has its own sessions, tokenizers and lexicon.
 */
public final class TranslationModels implements AutoCloseable {
    private final Map<LanguagePair, TranslationEngine> engines;

    private TranslationModels(Map<LanguagePair, TranslationEngine> engines) {
        this.engines = engines;
    }

    /** Loads them all; a model directory that is missing, altered, of another contract or of a pair already served fails. */
    public static TranslationModels load(TranslatorConfig config) {
        Map<LanguagePair, TranslationEngine> engines = new LinkedHashMap<>();
        try {
            for (ModelDirectory dir : ModelDirectory.openAll(config.models(), config.cacheDir())) {
                LanguagePair pair;
                try {
                    pair = new LanguagePair(dir.manifest().sourceLanguage(), dir.manifest().targetLanguage());
                } catch (IllegalArgumentException e) {
                    throw new ModelLoadException("Model in " + dir.dir() + ": " + e.getMessage());
                }
                if (engines.containsKey(pair)) {
                    throw new ModelLoadException("Two models translate " + pair + ": " + engines.get(pair).modelDir()
                            + " and " + dir.dir() + " (translator.models)");
                }
                engines.put(pair, TranslationEngine.load(config, dir, TranslationEngine.djl(config)));
            }
        } catch (RuntimeException e) {
            engines.values().forEach(TranslationEngine::close);
            throw e;
        }
        return new TranslationModels(engines);
    }

    /** The model of one pair alone: what a command translating in one direction needs, and nothing else to load. */
    public static TranslationModels load(TranslatorConfig config, LanguagePair pair) {
        return new TranslationModels(Map.of(pair, TranslationEngine.load(config, pair)));
    }

    public Set<LanguagePair> pairs() {
        return engines.keySet();
    }

    /** The model of the pair, or null when none serves it. */
    public TranslationEngine find(LanguagePair pair) {
        return engines.get(pair);
    }

    /** The router over these models, with a detector among every language they read or write. */
    public LanguageRouter router() {
        return new LanguageRouter(pairs(), new LanguageDetector(LanguageRouter.languages(pairs()), config().detectionMargin()),
                config().senderMargin());
    }

    public TranslatorConfig config() {
        return engines.values().iterator().next().config();
    }

    @Override
    public void close() {
        engines.values().forEach(TranslationEngine::close);
    }
}
