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

/** Short sentences the training corpus translates, on the shipped models. */
class PhrasebookTest {

    @Test
    void aSentenceOrItsPartsAreLookedUpWhateverTheirCaseSpacingOrFinalStopButAQuestionIsNotAStatement() throws IOException {
        Path file = Files.createTempFile("phrasebook", ".tsv");
        Files.writeString(file, "Super !\tThat's great!\nÇa va ?\tHow are you?\nÇa va.\tI'm fine.\n");
        Phrasebook book = Phrasebook.read(file);
        for (String written : List.of("Super !", "super", "SUPER!", "Super.", "Super !!!")) {
            assertEquals(List.of("That's great!"), book.translations(written), written);
        }
        assertEquals(List.of("How are you?"), book.translations("ça va?"));
        assertEquals(List.of("I'm fine."), book.translations("Ça va !"));
        assertTrue(book.translations("Super génial !").isEmpty());
        assertEquals(List.of("That's great, Tom!"), book.translations("Super, Tom !"), "a name the model copies is a part");
        assertEquals(List.of("Tom, how are you?"), book.translations("Tom, ça va ?"), "the last part ends as the sentence");
        assertTrue(book.translations("Super, Paris !").isEmpty(), "every part is known or a name the model copies");
        Files.writeString(file, "Super !\n");
        assertThrows(IllegalArgumentException.class, () -> Phrasebook.read(file));
    }

    @Test
    void aShortReplyGetsTheCorpusTranslationTheModelRanksFirstAndIsNotFlaggedDoubtful() {
        try (TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"));
             MessageTranslator translator = engine.newTranslator()) {
            // The model alone says "Go away.": the tokenizer splits "Super" into letters and the pair is not learnt.
            Translation t = (Translation) translator.translate(List.of("Super ! Joyeux Noël, Alice !")).get(0);
            assertEquals("That's great! Merry Christmas, Alice!", t.text());
            assertFalse(t.quality().lowConfidence());
            assertEquals(List.of("That's", "great!", "Merry", "Christmas,", "Alice!"), t.targetWords());
            assertEquals(0, Alignments.argmax(t.wordAlignment()[1]), "'great!' is aligned with 'Super'");
            Translation asWritten = (Translation) translator.translate(List.of("super")).get(0);
            assertEquals("That's great", asWritten.text(), "no mark where the writer put none");
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
