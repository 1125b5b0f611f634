package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VocativeCommaTest {

    @Test
    void aGreetingBeforeANameIsGivenItsCommaAndTheTranslationLosesIt() {
        UnitDraft draft = Scripted.draft("Hi Alice!");
        VocativeComma.adapt(draft);
        assertEquals(List.of("Hi,", "Alice!"), draft.words());
        assertEquals("Salut Alice !", Scripted.restore(draft, List.of("Salut,", "Alice", "!"), 0, 1, 1));
    }

    @Test
    void aGreetingWithItsCommaOrBeforeAnOrdinaryWordIsLeftAlone() {
        for (String text : List.of("Hi, Alice!", "Merci beaucoup", "Thanks")) {
            UnitDraft draft = Scripted.draft(text);
            VocativeComma.adapt(draft);
            assertEquals(List.of(text.split(" ")), draft.words(), text);
        }
    }
}
