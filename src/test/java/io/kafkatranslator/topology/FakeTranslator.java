package io.kafkatranslator.topology;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.ErrorCode;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationOutcome;

import java.util.ArrayList;
import java.util.List;

/** Upper-cases its input, one token per word; "FAIL" in a text makes that text fail. Records batch sizes. */
final class FakeTranslator implements BatchTranslator {
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public List<TranslationOutcome> translate(List<String> texts, DecodingOptions options) {
        batchSizes.add(texts.size());
        List<TranslationOutcome> out = new ArrayList<>();
        for (String text : texts) {
            out.add(text.contains("FAIL") ? new TranslationError(ErrorCode.TEXT_TOO_LONG, "too long for the fake")
                    : new Translation(text.toUpperCase(), -1.0, List.of(new Translation.NBestEntry(text.toUpperCase(), -1.0)),
                    List.of(), List.of(), new float[0][], List.of(), List.of(), new float[0][], 0));
        }
        return out;
    }

    @Override
    public int sourceTokens(String text) {
        return text.split(" ").length;
    }

    @Override
    public DecodingOptions defaultOptions() {
        return TranslatorConfig.defaults().decoding();
    }

    @Override
    public String sourceLanguage() {
        return "fr";
    }

    @Override
    public String targetLanguage() {
        return "en";
    }

    @Override
    public String modelName() {
        return "fake";
    }

    @Override
    public String modelVersion() {
        return "0";
    }

    @Override
    public void close() {
    }
}
