package io.kafkatranslator.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TranslationMemoryTest {
    @Test
    void whatChatWritersVaryWithoutMeaningToFindsTheSameEntryAndEveryWordStillCounts() {
        for (String same : List.of("Merci beaucoup !", "merci  beaucoup", "Merci beaucoup.", " Merci\u00A0beaucoup\u202F!!! ",
                "Merci beaucoup…", "Merci beaucoup ?!")) {
            assertEquals("merci beaucoup", TranslationMemory.normalise(same), same);
        }
        assertEquals("élodie, c'est réglé", TranslationMemory.normalise("Élodie, c'est réglé."), "the first letter, accent kept");
        assertEquals("oK 👍", TranslationMemory.normalise("OK 👍"), "only the first letter");
        assertNotEquals(TranslationMemory.normalise("Merci Beaucoup"), TranslationMemory.normalise("Merci beaucoup"));
        assertNotEquals(TranslationMemory.normalise("Merci, beaucoup"), TranslationMemory.normalise("Merci beaucoup"));
        assertNotEquals(TranslationMemory.normalise("merci beaucoup"), TranslationMemory.normalise("merci beaucoup 😊"));
        assertEquals("", TranslationMemory.normalise(" ?! "), "nothing to remember");
    }
}
