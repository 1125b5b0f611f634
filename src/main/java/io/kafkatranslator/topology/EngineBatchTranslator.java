package io.kafkatranslator.topology;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.engine.Translator;

import java.util.List;

/** The real engine behind the topology: a shared model, a translator (its own predictors) per processor. */
public final class EngineBatchTranslator implements BatchTranslator {
    private final TranslationEngine engine;
    private final Translator translator;

    public EngineBatchTranslator(TranslationEngine engine) {
        this.engine = engine;
        this.translator = engine.newTranslator();
    }

    @Override
    public List<TranslationOutcome> translate(List<String> texts, DecodingOptions options) {
        return translator.translate(texts, options);
    }

    @Override
    public int sourceTokens(String text) {
        return translator.sourceTokens(text);
    }

    @Override
    public DecodingOptions defaultOptions() {
        return engine.config().decoding();
    }

    @Override
    public String sourceLanguage() {
        return engine.manifest().sourceLanguage();
    }

    @Override
    public String targetLanguage() {
        return engine.manifest().targetLanguage();
    }

    @Override
    public String modelName() {
        return engine.manifest().name();
    }

    @Override
    public String modelVersion() {
        return engine.manifest().version();
    }

    @Override
    public void close() {
        translator.close();
    }
}
