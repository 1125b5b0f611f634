package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChatSpellingTest {

    @Test
    void chatSpellingIsGivenSpeltOutAndRecordedAndTheTranslationIsKept() {
        UnitDraft draft = Scripted.draft("Jsuis dispo mtn, dac ?");
        ChatSpelling.adapter("fr").adapt(draft);
        assertEquals(List.of("Je", "suis", "disponible", "maintenant,", "d'accord", "?"), draft.words());
        ChatSpelling recorded = (ChatSpelling) draft.toUnit("", new int[0]).adaptations().get(0);
        assertEquals(List.of("Jsuis", "dispo", "mtn,", "dac"), recorded.expansions().stream().map(ChatSpelling.Expansion::written).toList());
        assertEquals("I'm available now, OK?", Scripted.restore(draft, List.of("I'm", "available", "now,", "OK?"), 0, 2, 3, 4));
    }

    @Test
    void englishAbbreviationsAndWordsWrittenAsTheModelLearntThemAreLeftAlone() {
        UnitDraft draft = Scripted.draft("idk if I can, u know");
        ChatSpelling.adapter("en").adapt(draft);
        assertEquals(List.of("I", "don't", "know", "if", "I", "can,", "you", "know"), draft.words());
        UnitDraft unknownLanguage = Scripted.draft("idk");
        ChatSpelling.adapter("xx").adapt(unknownLanguage);
        assertEquals(List.of("idk"), unknownLanguage.words());
    }

    @Test
    void aGreetingAndDontWorryAreGivenInTheWordsTheModelKnows() {
        UnitDraft draft = Scripted.draft("Coucou Inès, tkt je t'envoie le PDF");
        ChatSpelling.adapter("fr").adapt(draft);
        assertEquals(List.of("Salut", "Inès,", "ne", "t'inquiète", "pas", "je", "t'envoie", "le", "PDF"), draft.words());
    }
}
