package io.kafkatranslator.engine;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.language.LanguagePair;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short sentences people translated (the training corpus, the project's chat formulas), on the shipped models. */
class PhrasebookTest {

    @Test
    void aSentenceOrItsPartsAreLookedUpWhateverTheirCaseSpacingOrFinalStopButAQuestionIsNotAStatement() throws IOException {
        Path file = Files.createTempFile("phrasebook", ".tsv");
        Files.writeString(file, "Super !\tThat's great!\nÇa va ?\tHow are you?\nÇa va.\tI'm fine.\n");
        Phrasebook book = Phrasebook.read(file);
        for (String written : List.of("Super !", "super", "SUPER!", "Super !!!")) {
            assertEquals(List.of("That's great!"), book.translations(written), written);
        }
        assertEquals(List.of("That's great."), book.translations("Super."), "the translation ends as the sentence does");
        assertEquals(List.of("How are you?"), book.translations("ça va?"));
        assertEquals(List.of("I'm fine!"), book.translations("Ça va !"));
        assertTrue(book.translations("Super génial !").isEmpty());
        assertEquals(List.of("That's great, Tom!"), book.translations("Super, Tom !"), "a name the model copies is a part");
        assertEquals(List.of("Tom, how are you?"), book.translations("Tom, ça va ?"), "the last part ends as the sentence");
        assertTrue(book.translations("Super, Paris !").isEmpty(), "every part is known or a name the model copies");
        Files.writeString(file, "Thanks!\tMerci.\nGreat!\tSuper !\n");
        assertEquals(List.of("Merci !"), Phrasebook.read(file).translations("Thanks!"), "spaced as the target language");
        Files.writeString(file, "Super !\n");
        assertThrows(IllegalArgumentException.class, () -> Phrasebook.read(file));
    }

    @Test
    void theProjectsChatFormulasAreReadInBothDirections() {
        assertTrue(Phrasebook.chatPhrases(new LanguagePair("fr", "en")).translations("Pas de souci !").contains("No worries!"));
        assertTrue(Phrasebook.chatPhrases(new LanguagePair("en", "fr")).translations("no worries").contains("Pas de souci."));
        assertTrue(Phrasebook.chatPhrases(new LanguagePair("de", "en")).translations("Danke!").isEmpty());
    }

    @Test
    void aChatFormulaOpeningASentenceIsTranslatedAsTheFormulaAndTheRestGoesOn() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("en", "fr"));
             MessageTranslator translator = engine.newTranslator()) {
            DecodingOptions informal = engine.config().decoding().withFormality(Formality.INFORMAL);
            // The model alone wrote "Pas problème, je peux…" and "Aucune." for "No worries.".
            assertEquals("Aucun problème, je peux te prendre à la gare.",
                    text(translator, "No problem, I can pick you up at the station.", informal));
            assertEquals("Pas de souci.", text(translator, "No worries.", informal));
        }
    }

    @Test
    void aShortReplyGetsTheCorpusTranslationTheModelRanksFirstAndIsNotFlaggedDoubtful() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"));
             MessageTranslator translator = engine.newTranslator()) {
            // The model alone says "Go away.": the tokenizer splits "Super" into letters and the pair is not learnt.
            Translation t = (Translation) translator.translate(List.of("Super ! Joyeux Noël, Alice !")).get(0);
            assertEquals("Great! Merry Christmas, Alice!", t.text());
            assertFalse(t.quality().lowConfidence());
            assertEquals(List.of("Great!", "Merry", "Christmas,", "Alice!"), t.targetWords());
            assertEquals(0, Alignments.argmax(t.wordAlignment()[0]), "'Great!' is aligned with 'Super'");
            Translation asWritten = (Translation) translator.translate(List.of("super")).get(0);
            assertEquals("Great", asWritten.text(), "no mark where the writer put none");
        }
    }

    @Test
    void onlyTheCorpusTranslationsInTheRegisterAskedAreGiven() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("en", "fr"));
             MessageTranslator translator = engine.newTranslator()) {
            DecodingOptions defaults = engine.config().decoding();
            assertEquals("Je vous en prie.", text(translator, "You're welcome.", defaults.withFormality(Formality.FORMAL)));
            assertEquals("Je t'en prie.", text(translator, "You're welcome.", defaults.withFormality(Formality.INFORMAL)));
        }
    }

    private static String text(MessageTranslator translator, String source, DecodingOptions options) {
        return ((Translation) translator.translate(List.of(source), options).get(0)).text();
    }
}
