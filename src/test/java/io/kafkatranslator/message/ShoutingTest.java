package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShoutingTest {

    @Test
    void aSentenceInCapitalsIsGivenInLowerCaseAndItsTranslationComesBackInCapitals() {
        UnitDraft draft = Scripted.draft("JE SUIS EN COLÈRE");
        Shouting.adapter(Locale.FRENCH).adapt(draft);
        assertEquals(List.of("je", "suis", "en", "colère"), draft.words());
        assertTrue(draft.lowerCased());
        assertEquals("I'M ANGRY", Scripted.restore(draft, List.of("I'm", "angry"), 0, 3));
    }

    @Test
    void oneAcronymOrCapitalsInALowerCaseSentenceAreNotShouting() {
        for (String text : List.of("SNCF", "Mon vol AF1234", "OK !")) {
            UnitDraft draft = Scripted.draft(text);
            Shouting.adapter(Locale.FRENCH).adapt(draft);
            assertEquals(List.of(text.split(" ")), draft.words(), text);
        }
    }
}
