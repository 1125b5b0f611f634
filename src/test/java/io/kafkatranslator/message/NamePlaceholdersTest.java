package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamePlaceholdersTest {
    @TempDir
    Path dir;

    private UnitDraft adapted(String text) {
        UnitDraft draft = Scripted.draft(text);
        NamePlaceholders.adapter(Scripted.lexicon(dir, "arrive", "le", "cadeau", "de")).adapt(draft);
        return draft;
    }

    @Test
    void anUnknownNameIsGivenAsAPlaceholderAndPutBackWhereItComesOut() {
        UnitDraft draft = adapted("Aurélien arrive");
        assertEquals(List.of("Tom", "arrive"), draft.words());
        assertEquals("Aurélien arrives", Scripted.restore(draft, List.of("Tom", "arrives"), 0, 1));
    }

    @Test
    void anElisionBeforeANameIsSpeltOut() {
        UnitDraft draft = adapted("le cadeau d'Aurélien");
        assertEquals(List.of("le", "cadeau", "de", "Tom"), draft.words());
        assertEquals("Aurélien's present", Scripted.restore(draft, List.of("Tom's", "present"), 2, 1));
    }

    @Test
    void aNameTheModelLeftOutGoesAfterTheWordAlignedWithIt() {
        UnitDraft draft = adapted("Aurélien arrive");
        assertEquals("He Aurélien arrives", Scripted.restore(draft, List.of("He", "arrives"), 0, 1));
    }
}
