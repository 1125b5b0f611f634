package io.kafkatranslator.engine;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslatorTest {
    private static TranslationEngine engine;
    private static Translator translator;

    @BeforeAll
    static void load() {
        engine = TranslationEngine.load(TranslatorConfig.defaults());
        translator = engine.newTranslator();
    }

    @AfterAll
    static void close() {
        translator.close();
        engine.close();
    }

    @Test
    void badSentencesGetTypedErrorsAndTheRestOfTheBatchIsTranslated() {
        String longText = "Je suis étudiant. ".repeat(60);
        List<String> input = List.of("Je suis étudiant.", "", "   ", "Bonjour\u0007 !", "Il\uD800 pleut.", longText,
                "Elle est en retard.");
        List<TranslationOutcome> out = translator.translate(input);
        assertEquals(input.size(), out.size());
        assertInstanceOf(Translation.class, out.get(0));
        assertEquals(ErrorCode.EMPTY_TEXT, ((TranslationError) out.get(1)).code());
        assertEquals(ErrorCode.EMPTY_TEXT, ((TranslationError) out.get(2)).code());
        assertEquals(ErrorCode.CONTROL_CHARACTER, ((TranslationError) out.get(3)).code());
        assertEquals(ErrorCode.INVALID_UNICODE, ((TranslationError) out.get(4)).code());
        TranslationError tooLong = (TranslationError) out.get(5);
        assertEquals(ErrorCode.TEXT_TOO_LONG, tooLong.code());
        assertTrue(tooLong.message().contains("maximum of 200"), tooLong.message());
        assertInstanceOf(Translation.class, out.get(6));
    }

    @Test
    void batchedResultsComeBackInInputOrderAndEqualSentenceBySentenceResults() {
        List<String> input = List.of("Nous sommes trop vieux pour ça.", "Oui.", "Où est la gare la plus proche d'ici ?",
                "Il pleut.", "Tom a acheté une voiture rouge hier.");
        for (DecodingOptions options : List.of(engine.config().decoding().withBeam(1, 1), engine.config().decoding())) {
            List<TranslationOutcome> batched = translator.translate(input, options);
            List<TranslationOutcome> single = new ArrayList<>();
            for (String s : input) {
                single.add(translator.translate(List.of(s), options).get(0));
            }
            for (int i = 0; i < input.size(); i++) {
                assertEquals(((Translation) single.get(i)).text(), ((Translation) batched.get(i)).text(), input.get(i));
            }
        }
    }

    @Test
    void alignmentsHaveOneRowPerTargetTokenAndOneColumnPerSourceToken() {
        Translation t = (Translation) translator.translate(List.of("Je suis étudiant.")).get(0);
        assertEquals(t.targetPieces().size(), t.alignment().length);
        for (float[] row : t.alignment()) {
            assertEquals(t.sourcePieces().size(), row.length);
        }
        assertEquals(List.of("Je", "suis", "étudiant."), t.sourceWords());
        assertEquals(t.targetWords().size(), t.wordAlignment().length);
        assertEquals(t.text(), String.join(" ", t.targetWords()));
        for (float[] row : t.wordAlignment()) {
            float sum = 0;
            for (float w : row) {
                sum += w;
            }
            assertTrue(sum > 0 && sum <= 1.0001f, "a word's attention is a share of one: " + sum);
        }
    }

    @Test
    void nbestListsAreRankedByScore() {
        DecodingOptions options = engine.config().decoding().withBeam(5, 5);
        Translation t = (Translation) translator.translate(List.of("Il fait beau aujourd'hui."), options).get(0);
        assertEquals(5, t.nbest().size());
        assertEquals(t.text(), t.nbest().get(0).text());
        for (int i = 1; i < t.nbest().size(); i++) {
            assertTrue(t.nbest().get(i - 1).score() >= t.nbest().get(i).score());
        }
    }
}
