package io.kafkatranslator.message;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndPunctuationTest {

    private static String roundTrip(String source, String modelSees, List<String> translation) {
        UnitDraft draft = Scripted.draft(source);
        EndPunctuation.adapt(draft);
        assertEquals(modelSees, String.join(" ", draft.words()));
        return Scripted.restore(draft, translation, new int[translation.size()]);
    }

    @Test
    void emphaticPunctuationIsGivenAsOneMarkAndComesBackAsWritten() {
        assertEquals("Really?!", roundTrip("Vraiment ?!", "Vraiment ?", List.of("Really?")));
        assertEquals("Thanks!!!", roundTrip("Merci!!!", "Merci!", List.of("Thanks!")));
    }

    @Test
    void aMissingFullStopIsAddedForTheModelAndLeftOutOfTheTranslation() {
        assertEquals("Thanks", roundTrip("merci", "merci.", List.of("Thanks.")));
    }

    @Test
    void aClauseMarkIsGivenAsAFullStopAndComesBack() {
        assertEquals("Hello,", roundTrip("Bonjour,", "Bonjour.", List.of("Hello.")));
    }
}
