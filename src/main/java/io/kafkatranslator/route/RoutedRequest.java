package io.kafkatranslator.route;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.message.MessageContext;
import io.kafkatranslator.message.PreparedMessage;

/**
 * Where a request goes once it is routed and prepared, with all that its translation needs: to a
 * model, with its prepared message and its decoding options (resolved once, before it was routed);
 * back as it was written (already in its target language, or in a language that cannot be told); to the
 * tenant's translation memory; to nothing (a deletion); or to the dead letters, with the reason.
 */
public sealed interface RoutedRequest {

    /** The language detection, when the request left its language to it; null otherwise. */
    LanguageDetector.Detection detection();

    /** Bound for a model's pair: translated by it, or answered by the memory and aligned by it. */
    sealed interface OfModel extends RoutedRequest {
        LanguageRouter.ToModel route();

        default LanguagePair pair() {
            return route().pair();
        }

        @Override
        default LanguageDetector.Detection detection() {
            return route().detection();
        }
    }

    /** context: what the preparation took besides the text (the conversation's names, the glossary's terms). */
    record ToModel(LanguageRouter.ToModel route, PreparedMessage message, DecodingOptions options, MessageContext context)
            implements OfModel {
    }

    /**
     * Answered by the tenant's translation memory: no model translates it (the pair's model only aligns the answer,
     * when the options ask for alignments).
     */
    record Remembered(LanguageRouter.ToModel route, String text, String translation, DecodingOptions options)
            implements OfModel {
    }

    /** No model runs: the route is SameLanguage or Undetected. */
    record Unchanged(LanguageRouter.Route route, String text) implements RoutedRequest {
        @Override
        public LanguageDetector.Detection detection() {
            return route.detection();
        }

        /** Why: the result's untranslated_reason. */
        public String reason() {
            return route instanceof LanguageRouter.SameLanguage ? "SAME_LANGUAGE" : "LANGUAGE_NOT_DETECTED";
        }
    }

    /** A deletion of an earlier message: no model runs, and nothing is translated. */
    record Withdrawn() implements RoutedRequest {
        @Override
        public LanguageDetector.Detection detection() {
            return null;
        }
    }

    record Rejected(TranslationError error) implements RoutedRequest {
        @Override
        public LanguageDetector.Detection detection() {
            return null;
        }
    }
}
