package io.kafkatranslator.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlignmentTestSetTest {
    @Test
    void splitContractionsAreRestoredAndEachWordKeepsTheGoldTokensItStandsFor() {
        AlignmentTestSet.Pair p = AlignmentTestSet.pair(
                "je ai lu le avis de les experts de le institut à le sujet de le projet de loi C - 49 aujourd' hui .",
                "i read the experts ' opinion on bill c - 49 today .");
        assertEquals("J'ai lu l'avis des experts de l'institut au sujet du projet de loi C-49 aujourd'hui.", p.french());
        List<List<Integer>> f = p.frenchPositions();
        assertEquals(List.of(0, 1), f.get(0), "j'ai: je + ai");
        assertEquals(List.of(3, 4), f.get(2), "l'avis: le + avis");
        assertEquals(List.of(5, 6), f.get(3), "des: de + les");
        assertEquals(List.of(8), f.get(5), "de before l'institut is not fused");
        assertEquals(List.of(9, 10), f.get(6), "l'institut: le + institut");
        assertEquals(List.of(19, 20, 21), f.get(13), "C-49");
        assertEquals(List.of(22, 23, 24), f.get(14), "aujourd'hui and its full stop");
        assertEquals("I read the experts' opinion on bill c-49 today.", p.english());
        assertEquals(23 + 2, p.frenchTokens());
    }

    @Test
    void alignmentErrorRateCountsSureAndPossibleLinks() {
        AlignmentTestSet.Gold gold = new AlignmentTestSet.Gold(Set.of(1, 2), Set.of(1, 2, 3));
        Aer aer = new Aer();
        aer.add(Set.of(1, 3, 4), gold);
        // |A∩S| = 1, |A∩P| = 2, |A| = 3, |S| = 2: 1 - 3/5.
        assertEquals(0.4, aer.aer(), 1e-9);
        assertEquals(2.0 / 3, aer.precision(), 1e-9);
        assertEquals(0.5, aer.recall(), 1e-9);
    }
}
