package io.kafkatranslator.topology;

import io.kafkatranslator.engine.PreparedMessage;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;

/**
 * A request's route and, for a model, its prepared message (null when no model runs it), or the error
 * that sends it to the dead letters.
 */
record RoutedRequest(LanguageRouter.Route route, PreparedMessage message, TranslationError error) {
    LanguagePair pair() {
        return route instanceof LanguageRouter.ToModel m ? m.pair() : null;
    }
}
