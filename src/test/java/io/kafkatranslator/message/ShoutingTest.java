package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShoutingTest {

    @Test
    void aSentenceInCapitalsIsGivenInLowerCaseAndItsTranslationComesBackInCapitals() {
        UnitDraft draft = Scripted.draft("JE SUIS EN COLÈRE");
        Shouting.adapter(Locale.FRENCH, null).adapt(draft);
        assertEquals(List.of("je", "suis", "en", "colère"), draft.words());
        assertTrue(draft.lowerCased());
        assertEquals("I'M ANGRY", Scripted.restore(draft, List.of("I'm", "angry"), 0, 3));
    }

    @Test
    void oneAcronymOrCapitalsInALowerCaseSentenceAreNotShouting() {
        for (String text : List.of("SNCF", "Mon vol AF1234", "OK !")) {
            UnitDraft draft = Scripted.draft(text);
            Shouting.adapter(Locale.FRENCH, null).adapt(draft);
            assertEquals(List.of(text.split(" ")), draft.words(), text);
        }
    }

    @Test
    void capitalsThatAreMostlyAcronymsAndNamesAreNotShoutingWhereTheLexiconTellsWords(@TempDir Path dir) {
        var lexicon = Scripted.lexicon(dir, "je", "suis", "en", "colère", "ok");
        UnitDraft acronyms = Scripted.draft("OK SNCF");
        Shouting.adapter(Locale.FRENCH, lexicon).adapt(acronyms);
        assertEquals(List.of("OK", "SNCF"), acronyms.words());
        UnitDraft shouted = Scripted.draft("JE SUIS EN COLÈRE SNCF");
        Shouting.adapter(Locale.FRENCH, lexicon).adapt(shouted);
        assertTrue(shouted.lowerCased());
    }
}
