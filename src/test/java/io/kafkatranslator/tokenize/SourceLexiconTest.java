package io.kafkatranslator.tokenize;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped French lexicon. */
class SourceLexiconTest {
    private static final SourceLexicon FRENCH = SourceLexicon.read(Path.of("src/main/resources/models/fr-en/source.lexicon.tsv"));

    @Test
    void accentsAreChosenByTheNeighbouringWordsAndTheWritersCaseIsKept() {
        assertEquals("Ça va à Paris, où il a été.", FRENCH.restoreAccents("Ca va a Paris, ou il a ete."));
        assertEquals("Il a faim ou soif ?", FRENCH.restoreAccents("Il a faim ou soif ?"));
        assertEquals("JE SUIS DÉJÀ LÀ", FRENCH.restoreAccents("JE SUIS DEJA LA"));
    }

    @Test
    void aSentenceWithAccentsIsLeftAsWrittenUnlessTheyAreOnlyInAName() {
        assertEquals("Il a ete à Paris.", FRENCH.restoreAccents("Il a ete à Paris."));
        assertEquals("Gwenaëlle est déjà là.", FRENCH.restoreAccents("Gwenaëlle est deja la."));
    }

    @Test
    void wordsAreKnownWithOrWithoutAccentsAndNamesFromOutsideTheCorpusAreNot() {
        assertTrue(FRENCH.knows("Etudiant"));
        assertTrue(FRENCH.knows("étudiant"));
        assertFalse(FRENCH.knows("Oluwaseun"));
    }
}
