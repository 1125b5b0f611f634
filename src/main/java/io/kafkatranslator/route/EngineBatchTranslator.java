package io.kafkatranslator.route;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationOutcome;

import io.kafkatranslator.message.MessageContext;

import java.util.List;

/** The real engine behind routing: a shared model, a translator (its own predictors) per thread. */
public final class EngineBatchTranslator implements BatchTranslator {
    private final TranslationEngine engine;
    private final MessageTranslator translator;

    public EngineBatchTranslator(TranslationEngine engine) {
        this.engine = engine;
        this.translator = engine.newTranslator();
    }

    @Override
    public Preparation prepare(String text, MessageContext context) {
        return translator.prepare(text, context);
    }

    @Override
    public List<TranslationOutcome> translate(List<PreparedMessage> messages, DecodingOptions options) {
        return translator.translatePrepared(messages, options);
    }

    @Override
    public Translation recall(String source, String translation, DecodingOptions options) {
        return translator.recall(source, translation, options);
    }

    @Override
    public boolean followsFormality() {
        return engine.manifest().followsFormality();
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
