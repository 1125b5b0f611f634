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
    void aSentenceKeepsTheCapitalTheModelGivesIt() {
        UnitDraft draft = Scripted.draft("il pleut");
        FirstLetter.adapter(Locale.FRENCH).adapt(draft);
        assertEquals(List.of("Il", "pleut"), draft.words());
        assertEquals("It's raining", Scripted.restore(draft, List.of("It's", "raining"), 0, 1));
    }
}
