package io.kafkatranslator.route;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationOutcome;

import io.kafkatranslator.message.MessageContext;

import java.util.List;

/** A model's translator as routing uses it; {@link EngineBatchTranslator} is the real one. */
public interface BatchTranslator extends AutoCloseable {
    /**
     * Validates, segments and tokenises a message, once: it is prepared as it arrives, with its conversation's
     * names and its tenant's glossary for this model's pair.
     */
    Preparation prepare(String text, MessageContext context);

    /** One outcome per message, in order; a message that cannot be translated gets an error, the others are translated. */
    List<TranslationOutcome> translate(List<PreparedMessage> messages, DecodingOptions options);

    /**
     * A translation memory's answer to a message, aligned by the model forced through it when the options ask for
     * alignments.
     */
    Translation recall(String source, String translation, DecodingOptions options);

    /** Whether the model translates in the register its options ask for (see {@link io.kafkatranslator.decode.Formality}). */
    boolean followsFormality();

    String modelName();

    String modelVersion();

    @Override
    void close();
}
