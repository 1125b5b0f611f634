package io.kafkatranslator.message;

import io.kafkatranslator.config.FrenchSpacing;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.tokenize.SourceLexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place that says in which order a unit is adapted for the model; its translation undoes
 * the adaptations in the reverse order. Adding an adaptation is adding its class and a line here.
 */
final class Adaptations {
    private Adaptations() {
    }

    /** lexicon: the model's source lexicon, or null where it has none (no names, no accents). */
    static List<Adaptation.Adapter> inOrder(SourceLexicon lexicon, LanguagePair pair, FrenchSpacing spacing) {
        Locale locale = Locale.forLanguageTag(pair.source());
        List<Adaptation.Adapter> order = new ArrayList<>();
        // Undone once everything else is in place, the copied spans and the end mark included.
        order.add(Typography.adapter(pair.target(), spacing));
        // Taken out first and put back last, by the words once every other adaptation is undone.
        order.add(ProtectedSpans.adapter(pair.target()));
        // Split off the translation before the spans are placed, since some go before it.
        order.add(EndPunctuation::adapt);
        order.add(Shouting.adapter(locale, lexicon));
        // After the shouting (its terms still match, whatever their case); before the chat spelling, which
        // could spell a term out, and the names, which take their placeholders from what is left.
        order.add(GlossaryPlaceholders.adapter());
        // After the shouting, which gives "JSUIS" as "jsuis"; before the names, which would take it for one.
        order.add(ChatSpelling.adapter(pair.source()));
        order.add(VocativeComma::adapt);
        if (lexicon != null) {
            // After the shouting: in a sentence in capitals, every unknown word is a name.
            order.add(NamePlaceholders.adapter(lexicon, pair.source()));
        }
        // After the names: a raised first letter would look like one.
        order.add(FirstLetter.adapter(locale));
        if (lexicon != null) {
            order.add(Accents.adapter(lexicon));
        }
        return order;
    }
}
