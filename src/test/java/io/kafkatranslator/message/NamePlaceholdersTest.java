package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamePlaceholdersTest {
    @TempDir
    Path dir;

    private UnitDraft adapted(String text) {
        UnitDraft draft = Scripted.draft(text);
        NamePlaceholders.adapter(Scripted.lexicon(dir, "arrive", "le", "cadeau", "de", "je", "contacte", "air", "france", "pierre", "rose",
                "est", "là", "merci", "tu", "viens", "maison", "à", "la"), "fr").adapt(draft);
        return draft;
    }

    @Test
    void aGivenNameThatIsAWordIsANameAnywhereInAConversationOneOfWhosePartipantsBearsIt() {
        UnitDraft alone = adapted("Pierre est là");
        assertEquals(List.of("Pierre", "est", "là"), alone.words(), "first and no comma: maybe the stone");
        UnitDraft inConversation = new UnitDraft("Pierre est là", Element.of("Pierre est là", 0, 13, List.of()), false,
                new MessageContext(java.util.Set.of("Pierre"), List.of()));
        NamePlaceholders.adapter(Scripted.lexicon(dir, "pierre", "est", "là"), "fr").adapt(inConversation);
        assertEquals(List.of("Tom", "est", "là"), inConversation.words());
        assertEquals("Pierre is there", Scripted.restore(inConversation, List.of("Tom", "is", "there"), 0, 1, 2));
    }

    @Test
    void anUnknownNameIsGivenAsAPlaceholderAndPutBackWhereItComesOut() {
        UnitDraft draft = adapted("Aurélien arrive");
        assertEquals(List.of("Tom", "arrive"), draft.words());
        assertEquals("Aurélien arrives", Scripted.restore(draft, List.of("Tom", "arrives"), 0, 1));
    }

    @Test
    void anElisionBeforeANameIsSpeltOut() {
        UnitDraft draft = adapted("le cadeau d'Aurélien");
        assertEquals(List.of("le", "cadeau", "de", "Tom"), draft.words());
        assertEquals("Aurélien's present", Scripted.restore(draft, List.of("Tom's", "present"), 2, 1));
    }

    @Test
    void aNameTheModelLeftOutGoesAfterTheWordAlignedWithIt() {
        UnitDraft draft = adapted("Aurélien arrive");
        assertEquals("He Aurélien arrives", Scripted.restore(draft, List.of("He", "arrives"), 0, 1));
    }

    @Test
    void aWordInCapitalsInALowerCaseSentenceIsKeptAsWrittenEvenWhereTheLexiconKnowsItsParts() {
        UnitDraft draft = adapted("je contacte AIR-FRANCE.");
        assertEquals(List.of("je", "contacte", "Tom."), draft.words());
        assertEquals("I'll contact AIR-FRANCE.", Scripted.restore(draft, List.of("I'll", "contact", "Tom."), 0, 1, 2));
        assertEquals(List.of("A", "arrive"), adapted("A arrive").words(), "one capital is not an acronym");
        assertEquals(List.of("le", "CADEAU"), adapted("le CADEAU").words(), "a word the model learnt is left to it");
    }

    @Test
    void aGivenNameThatIsAlsoAWordIsANameWhereChatWritersPutOne() {
        assertEquals(List.of("Tom,", "tu", "viens", "?"), adapted("Pierre, tu viens ?").words(), "addressing someone");
        assertEquals(List.of("merci", "Tom"), adapted("merci Rose").words(), "not first in the sentence");
        assertEquals(List.of("Pierre", "est", "là"), adapted("Pierre est là").words(), "first, and no comma: maybe the stone");
        assertEquals(List.of("à", "la", "Maison", "Rose"), adapted("à la Maison Rose").words(), "inside a longer proper noun");
    }
}
