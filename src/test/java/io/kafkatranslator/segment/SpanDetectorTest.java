package io.kafkatranslator.segment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpanDetectorTest {
    private final SpanDetector detector = new SpanDetector(mark -> "*<>“”".indexOf(mark) < 0);

    private List<String> found(String text, SpanKind kind) {
        return detector.find(text).stream().filter(s -> s.kind() == kind).map(s -> s.text(text)).toList();
    }

    @Test
    void urlsWithAndWithoutProtocolStopBeforeTrailingPunctuation() {
        assertEquals(List.of("https://example.com/docs/guide?id=42", "www.kafka.apache.org"),
                found("Regarde https://example.com/docs/guide?id=42, ou www.kafka.apache.org.", SpanKind.URL));
    }

    @Test
    void emailAddressesAreOneSpanNotAMentionAndAUrl() {
        assertEquals(List.of("jean-pierre.dupont@example.fr"), found("Écris à jean-pierre.dupont@example.fr !", SpanKind.EMAIL));
        assertEquals(List.of(), found("Écris à jean-pierre.dupont@example.fr !", SpanKind.MENTION));
    }

    @Test
    void mentionsAndHashtags() {
        assertEquals(List.of("@marie", "@bob_42"), found("@marie et @bob_42, venez", SpanKind.MENTION));
        assertEquals(List.of("#release", "#été"), found("prêt pour #release et #été ?", SpanKind.HASHTAG));
    }

    @Test
    void chatPlatformUserNamesKeepTheirDotsAndHyphensAndTheirWireFormsAreOneMention() {
        assertEquals(List.of("@jean.dupont", "@anna-lee"), found("@jean.dupont tu as vu le PDF de @anna-lee.", SpanKind.MENTION));
        assertEquals(List.of("<@U024BE7LH>", "<#C123|general>", "<@!80351110224678912>", "<!here>"),
                found("<@U024BE7LH> regarde <#C123|general>, <@!80351110224678912> et <!here>", SpanKind.MENTION));
    }

    @Test
    void aSpeakerLabelStartingALineIsOneSpanGluedToTheFirstWordOrNot() {
        assertEquals(List.of("NAME-M_TEXT:", "AGENT:"),
                found("NAME-M_TEXT:Bonjour NAME-F, je suis NAME-M.\n  AGENT: Puis-je vous aider ?", SpanKind.LABEL));
        assertEquals(List.of(), found("Note : voir HTTP://EXAMPLE.COM et l'heure ABC:12 dans la phrase", SpanKind.LABEL));
    }

    @Test
    void laughterIsAReactionDrawnOutOrNot() {
        assertEquals(List.of("mdrrr", "Hahaha", "LOL"), found("trop drôle mdrrr ! Hahaha, LOL.", SpanKind.REACTION));
        assertEquals(List.of(), found("Lola et le haras", SpanKind.REACTION));
    }

    @Test
    void emojiSequencesStayWhole() {
        String family = "👨‍👩‍👧";
        assertEquals(List.of("🙏😂", family, "🇫🇷", "👍🏽", "1️⃣"), found("Merci 🙏😂 " + family + " 🇫🇷 👍🏽 1️⃣", SpanKind.EMOJI));
    }

    @Test
    void tokensWithDigitsLosingOnlyTheirOuterPunctuation() {
        assertEquals(List.of("8h15", "20", "JIRA-1234", "12/05/2025", "40€", "06 12 34 56 78", "3,5"),
                found("À 8h15, 20 min (JIRA-1234) le 12/05/2025 : 40€. Tel 06 12 34 56 78 ou 3,5 !", SpanKind.NUMBER));
    }

    @Test
    void aCurrencyOrPercentSignBesideAnAmountIsPartOfIt() {
        assertEquals(List.of("12,50 €", "03/04", "$ 250,000", "50\u00A0%"),
                found("J'ai payé 12,50 € le 03/04, soit $ 250,000 ou 50\u00A0% du total.", SpanKind.NUMBER));
    }

    @Test
    void malformedMentionsAreKeptAllTheSameButALoneSignIsNotASpan() {
        assertEquals(List.of("@bob@alice"), found("@bob@alice salut", SpanKind.MENTION));
        assertEquals(List.of(), detector.find("Le # et le @ seuls").stream().map(s -> s.kind()).toList());
    }

    @Test
    void codeSpansAndEmoticons() {
        assertEquals(List.of("`mvn -B test`"), found("Lance `mvn -B test` stp", SpanKind.CODE));
        assertEquals(List.of(":)", ":-(", "xD", "<3"), found("ok :) bof :-( mdr xD <3", SpanKind.EMOTICON));
    }

    @Test
    void htmlAndXmlTagsAreCodeAttributesAndAllButAComparisonIsNot() {
        assertEquals(List.of("<img src=x onerror=alert(1)>", "<br/>", "</b>"),
                found("Regarde <img src=x onerror=alert(1)> puis<br/>la suite</b> stp", SpanKind.CODE));
        assertEquals(List.of(), found("si a < b et b > c, je t'aime <3", SpanKind.CODE));
    }

    @Test
    void marksTheModelCannotCarryAreSymbolSpansAndTheOthersAreLeftToIt() {
        String text = "**D'une part**, il a dit “bonjour” <3 >> voilà";
        assertEquals(List.of("**", "**", "“", "”", ">>"), found(text, SpanKind.SYMBOL));
        assertEquals(List.of("<3"), found(text, SpanKind.EMOTICON), "an earlier kind wins");
    }
}
