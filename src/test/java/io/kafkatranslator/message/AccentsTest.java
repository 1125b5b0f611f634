package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccentsTest {
    @TempDir
    Path dir;

    @Test
    void accentsLeftOutAreGivenBackToTheModelAndTheTranslationIsLeftAlone() {
        UnitDraft draft = Scripted.draft("ca va a Paris");
        Accents.adapter(Scripted.lexicon(dir, "ça", "va", "à", "Paris")).adapt(draft);
        assertEquals(List.of("ça", "va", "à", "Paris"), draft.words());
        assertEquals("it goes to Paris", Scripted.restore(draft, List.of("it", "goes", "to", "Paris"), 0, 1, 2, 3));
    }
}
