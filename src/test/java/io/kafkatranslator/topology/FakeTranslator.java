package io.kafkatranslator.topology;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.message.InputValidator;
import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.route.BatchTranslator;

import java.util.ArrayList;
import java.util.List;

/**
 * Upper-cases its input (lower-cases, for the other direction), one token per word; it validates
 * text as the engine does, "FAIL" in a text makes that text fail as it is prepared, "BREAK" makes it
 * fail in translation. Records batch sizes.
 */
final class FakeTranslator implements BatchTranslator {
    final List<Integer> batchSizes = new ArrayList<>();
    private final boolean upper;
    private final String name;

    FakeTranslator(String name, boolean upper) {
        this.name = name;
        this.upper = upper;
    }

    @Override
    public Preparation prepare(String text, io.kafkatranslator.message.MessageContext context) {
        TranslationError invalid = InputValidator.check(text);
        if (invalid != null) {
            return invalid;
        }
        return text.contains("FAIL") ? new TranslationError(ErrorCode.TEXT_TOO_LONG, "too long for the fake")
                : new PreparedMessage(text, List.of(), text.split(" ").length);
    }

    @Override
    public List<TranslationOutcome> translate(List<PreparedMessage> messages, DecodingOptions options) {
        batchSizes.add(messages.size());
        List<TranslationOutcome> out = new ArrayList<>();
        for (PreparedMessage m : messages) {
            String text = upper ? m.text().toUpperCase() : m.text().toLowerCase();
            out.add(text.contains("BREAK") ? new TranslationError(ErrorCode.TRANSLATION_FAILED, "the fake broke")
                    : new Translation(text, -1.0, List.of(new Translation.NBestEntry(text, -1.0)), List.of(), List.of(),
                    List.of(), List.of(), 0, List.of(), List.of(), null, Translation.Origin.MODEL));
        }
        return out;
    }

    @Override
    public Translation recall(String source, String translation, DecodingOptions options) {
        return Translation.remembered(source, translation, null);
    }

    @Override
    public boolean followsFormality() {
        return false;
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public String modelVersion() {
        return "0";
    }

    @Override
    public void close() {
    }
}
