package io.kafkatranslator.align;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cases training/test_similarity.py pins: the layer must read the values it was trained on. */
class SpellingSimilarityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "complex,|complexe|0.875", "legal|légal,|1", "prostitutes|prostituées|0.7272727", "on|on|0", "C-49|C-49,|1",
        "buying|achat|0", "Québec|quebec|1", "3|3|1", "l'homme|homme|1", "«Bonjour»|bonjour|1", "sex|sexuels|0"})
    void wordsAreAsAlikeAsTheirFoldedSpellings(String a, String b, double expected) {
        assertEquals(expected, SpellingSimilarity.similarity(a, b), 1e-6, a + " / " + b);
    }

    @Test
    void piecesTakeTheSimilarityOfTheirWords() {
        float[][] m = SpellingSimilarity.pieceMatrix(new String[] {"\u2581The", "\u2581situ", "ation"},
                new String[] {"\u2581La", "\u2581situation", "."});
        assertArrayEquals(new float[] {0, 0, 0}, m[0]);
        assertArrayEquals(new float[] {0, 1, 1}, m[1]);
        assertArrayEquals(new float[] {0, 1, 1}, m[2]);
    }
}
