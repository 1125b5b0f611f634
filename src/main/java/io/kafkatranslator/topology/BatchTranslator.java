package io.kafkatranslator.topology;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.TranslationOutcome;

import java.util.List;

/** What the topology needs from a translator; {@link EngineBatchTranslator} is the real one. */
public interface BatchTranslator extends AutoCloseable {
    /** One outcome per text, in order; a text that cannot be translated gets an error, the others are translated. */
    List<TranslationOutcome> translate(List<String> texts, DecodingOptions options);

    /** Source tokens of a text, for the token budget of a micro-batch. */
    int sourceTokens(String text);

    DecodingOptions defaultOptions();

    String sourceLanguage();

    String targetLanguage();

    String modelName();

    String modelVersion();

    @Override
    void close();
}
