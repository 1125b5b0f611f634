package io.kafkatranslator.route;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationOutcome;

import java.util.List;
import java.util.Set;

/** The real engine behind routing: a shared model, a translator (its own predictors) per thread. */
public final class EngineBatchTranslator implements BatchTranslator {
    private final TranslationEngine engine;
    private final MessageTranslator translator;

    public EngineBatchTranslator(TranslationEngine engine) {
        this.engine = engine;
        this.translator = engine.newTranslator();
    }

    @Override
    public Preparation prepare(String text, Set<String> conversationNames) {
        return translator.prepare(text, conversationNames);
    }

    @Override
    public List<TranslationOutcome> translate(List<PreparedMessage> messages, DecodingOptions options) {
        return translator.translatePrepared(messages, options);
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
