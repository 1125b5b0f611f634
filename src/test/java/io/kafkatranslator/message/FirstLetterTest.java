package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstLetterTest {

    @Test
    void aContinuingChunkIsGivenACapitalAndItsTranslationGoesOnInLowerCase() {
        UnitDraft draft = Scripted.draft("mais il pleut", List.of(), true);
        FirstLetter.adapter(Locale.FRENCH).adapt(draft);
        assertEquals(List.of("Mais", "il", "pleut"), draft.words());
        assertEquals("but it's raining", Scripted.restore(draft, List.of("But", "it's", "raining"), 0, 1, 2));
        assertEquals("I think", Scripted.restore(draft, List.of("I", "think"), 0, 1));
    }

    @Test
    void aContinuingChunkOpenedByEnglishIGoesOnInLowerCase() {
        UnitDraft draft = Scripted.draft("I can pick you up", List.of(), true);
        FirstLetter.adapter(Locale.ENGLISH).adapt(draft);
        assertEquals("je peux te prendre", Scripted.restore(draft, List.of("Je", "peux", "te", "prendre"), 0, 1, 3, 4));
        UnitDraft name = Scripted.draft("Alice is late", List.of(), true);
        FirstLetter.adapter(Locale.ENGLISH).adapt(name);
        assertEquals("Alice est en retard", Scripted.restore(name, List.of("Alice", "est", "en", "retard"), 0, 1, 2, 2));
    }

    @Test
    void aSentenceKeepsTheCapitalTheModelGivesIt() {
        UnitDraft draft = Scripted.draft("il pleut");
        FirstLetter.adapter(Locale.FRENCH).adapt(draft);
        assertEquals(List.of("Il", "pleut"), draft.words());
        assertEquals("It's raining", Scripted.restore(draft, List.of("It's", "raining"), 0, 1));
    }
}
