package io.kafkatranslator.language;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrenchRegisterTest {
    @Test
    void readsTheRegisterAsTheTrainingRuleDoes() {
        // training/test_register.py pins the Python rule with the same sentences.
        Map<String, FrenchRegister> cases = Map.ofEntries(
                Map.entry("Tu viens ?", FrenchRegister.INFORMAL), Map.entry("Je t'aime.", FrenchRegister.INFORMAL),
                Map.entry("Va-t’en !", FrenchRegister.INFORMAL), Map.entry("Assieds-toi.", FrenchRegister.INFORMAL),
                Map.entry("Ta mère a appelé.", FrenchRegister.INFORMAL), Map.entry("Venez ici.", FrenchRegister.FORMAL),
                Map.entry("Ne partez pas !", FrenchRegister.FORMAL), Map.entry("Votre commande est partie.", FrenchRegister.FORMAL),
                Map.entry("Taisez-vous !", FrenchRegister.FORMAL), Map.entry("Chez moi.", FrenchRegister.NONE),
                Map.entry("Il en a assez.", FrenchRegister.NONE), Map.entry("A-t-il fini ?", FrenchRegister.NONE),
                Map.entry("Vous et toi.", FrenchRegister.MIXED));
        cases.forEach((text, expected) -> assertEquals(expected, FrenchRegister.of(text), text));
    }
}
