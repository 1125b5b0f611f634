package io.kafkatranslator.segment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter("fr");
    private final SpanDetector detector = new SpanDetector(mark -> true);

    private List<String> sentences(String text) {
        return splitter.split(text, detector.find(text)).stream().map(r -> text.substring(r[0], r[1])).toList();
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        assertEquals(List.of("M. Dupont est arrivé.", "Il est content."), sentences("M. Dupont est arrivé. Il est content."));
        assertEquals(List.of("J'ai des pommes, des poires, etc. et des fraises."),
                sentences("J'ai des pommes, des poires, etc. et des fraises."));
    }

    @Test
    void questionAndExclamationMarksEndSentencesAndEmphasisStaysWithItsSentence() {
        assertEquals(List.of("Salut !", "Tu viens ce soir ?!", "On se retrouve au bar à 20h."),
                sentences("Salut ! Tu viens ce soir ?! On se retrouve au bar à 20h."));
    }

    @Test
    void aClosingGuillemetAfterItsSpaceEndsTheSentenceItCloses() {
        assertEquals(List.of("« Pourquoi êtes-vous fâché ? »", "«Je ne suis pas fâché ! »"),
                sentences("« Pourquoi êtes-vous fâché ? » «Je ne suis pas fâché ! »"));
    }

    @Test
    void lineBreaksAreBoundariesAndSurroundingWhitespaceIsLeftOut() {
        assertEquals(List.of("Salut", "ça va", "bises"), sentences("  Salut\nça va\r\n\n  bises  "));
    }

    @Test
    void aRunOfSpacesBeforeACapitalIsALineBreakFlattenedButNotBeforeALowerCaseWord() {
        assertEquals(List.of("Vivendi cède sa participation", "Les dérives typiques du capitalisme  et je  suis là"),
                sentences("Vivendi cède sa participation  Les dérives typiques du capitalisme  et je  suis là"));
    }

    @Test
    void aBoundaryInsideAProtectedSpanIsIgnored() {
        assertEquals(List.of("Tape `cd .. Puis ls` vite.", "Merci."), sentences("Tape `cd .. Puis ls` vite. Merci."));
    }
}
