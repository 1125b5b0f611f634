package io.kafkatranslator.engine;

import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.tokenize.SubwordTokenizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegisterChoiceTest {
    private static List<String> chosen(Formality asked, String... beam) {
        try (SubwordTokenizer french = new SubwordTokenizer(Path.of("src/main/resources/models/en-fr/target.model"))) {
            List<Hypothesis> hypotheses = java.util.Arrays.stream(beam)
                    .map(text -> new Hypothesis(french.encode(text), 0, 0, new float[0][])).toList();
            return RegisterChoice.apply(List.of(hypotheses), asked, french).get(0).stream()
                    .map(h -> french.decode(h.ids())).toList();
        }
    }

    @Test
    void theBeamsBestTranslationInTheRegisterAskedComesFirstWhereTheBestIsInTheOther() {
        assertEquals(List.of("Avez-vous reçu mon message ?", "As-tu reçu mon message ?", "Tu as reçu mon message ?"),
                chosen(Formality.FORMAL, "As-tu reçu mon message ?", "Tu as reçu mon message ?", "Avez-vous reçu mon message ?"));
        assertEquals(List.of("Viens ici !", "Venez ici !"), chosen(Formality.FORMAL, "Viens ici !", "Venez ici !"),
                "an order with no pronoun is not read as informal by the rule: it stays");
        assertEquals(List.of("As-tu faim ?", "As-tu mangé ?"), chosen(Formality.FORMAL, "As-tu faim ?", "As-tu mangé ?"),
                "no hypothesis in the register asked: the best stays");
        assertEquals(List.of("As-tu faim ?", "Avez-vous faim ?"), chosen(Formality.AUTO, "As-tu faim ?", "Avez-vous faim ?"));
    }
}
