package io.kafkatranslator.message;

import io.kafkatranslator.tokenize.SourceLexicon;

/**
 * Accents a writer left out are put back with the model's source lexicon ("ca va a Paris" is given
 * as "ça va à Paris"). Nothing to undo: the translation has no accents of the source to give back.
 */
final class Accents {
    private Accents() {
    }

    static Adaptation.Adapter adapter(SourceLexicon lexicon) {
        return draft -> {
            String[] restored = lexicon.restoreAccents(String.join(" ", draft.words())).split(" ", -1);
            for (int w = 0; w < restored.length; w++) {
                draft.setWord(w, restored[w]);
            }
        };
    }
}
