package io.kafkatranslator.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values published with sacreBLEU 2.x (its README example and test suite); training/test_metrics.py pins the same. */
class ScorerMatchesSacreBleuTest {
    private static final List<String> HYPS = List.of("The dog bit the man.", "It wasn't surprising.",
            "The man had just bitten him.");
    private static final List<List<String>> REFS = List.of(
            List.of("The dog bit the man.", "The dog had bit the man."),
            List.of("It was not unexpected.", "No one was surprised."),
            List.of("The man bit him first.", "The man had bitten the dog."));

    @Test
    void multiReferenceCorpusBleuMatchesSacreBleu() {
        assertEquals(48.530827, Bleu.corpus(HYPS, REFS), 1e-5);
        assertEquals(0.0, Bleu.corpus(List.of("", "", ""), REFS));
    }

    @Test
    void tokenisationFollows13a() {
        assertEquals(List.of("It", "wasn't", "3.5", "-", "4", ",", "\"", "ok", "\"", "?"),
                Bleu.tokenize13a("It wasn't 3.5-4, \"ok\"?"));
    }

    @Test
    void chrfMatchesSacreBleuAndUsesTheBestReference() {
        assertEquals(100.0, Chrf.corpus(List.of("a b c"), List.of(List.of("abc"))), 1e-4);
        assertEquals(50.0, Chrf.corpus(List.of("a", "b"), List.of(List.of("a"), List.of("c"))), 1e-4);
        assertEquals(25.0, Chrf.corpus(List.of("aa"), List.of(List.of("ab"))), 1e-4);
        assertEquals(0.0, Chrf.corpus(List.of(""), List.of(List.of("reference"))), 1e-4);
        assertEquals(100.0, Chrf.corpus(List.of("abc"), List.of(List.of("xyz", "abc"))), 1e-4);
    }
}
