package io.kafkatranslator.engine;

import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.segment.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message guarantee, on the shipped model. */
class MessageTranslatorTest {
    private static TranslationEngine engine;
    private static MessageTranslator translator;

    @BeforeAll
    static void load() {
        engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"));
        translator = engine.newTranslator();
    }

    @AfterAll
    static void close() {
        translator.close();
        engine.close();
    }

    private static Translation translate(String text) {
        return (Translation) translator.translate(List.of(text)).get(0);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int indexOfWordContaining(List<String> words, String part) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everySentenceIsTranslatedAndTheWhitespaceBetweenThemIsKept() {
        String message = "Salut !  Tu viens ce soir ?\nOn se retrouve au bar.\n\nIl fait beau.";
        Translation t = translate(message);
        assertEquals(4, t.segments().size());
        assertTrue(t.segments().stream().allMatch(Translation.Segment::translated));
        List<String> separators = new ArrayList<>();
        for (int s = 1; s < t.segments().size(); s++) {
            separators.add(t.text().substring(t.segments().get(s - 1).targetEnd(), t.segments().get(s).targetStart()));
            Translation one = translate(message.substring(t.segments().get(s).sourceStart(), t.segments().get(s).sourceEnd()));
            assertEquals(one.text(), t.text().substring(t.segments().get(s).targetStart(), t.segments().get(s).targetEnd()),
                    "a sentence of a message is translated as it would be alone");
        }
        assertEquals(List.of("  ", "\n", "\n\n"), separators);
    }

    @Test
    void protectedSpansComeOutVerbatimExactlyOnceNextToTheirWords() {
        String url = "https://example.com/docs/guide?id=42";
        String message = "@marie regarde ce lien " + url + " 😂 ! Le train de 8h15 a 20 minutes de retard. "
                + "Écris à jean@example.fr pour le ticket JIRA-1234 #urgent 👨‍👩‍👧 🇫🇷 👍🏽 `mvn test` :)";
        Translation t = translate(message);
        List<String> spans = List.of("@marie", url, "😂", "8h15", "20", "jean@example.fr", "JIRA-1234", "#urgent",
                "👨‍👩‍👧", "🇫🇷", "👍🏽", "`mvn test`", ":)");
        for (String span : spans) {
            assertEquals(1, count(t.text(), span), span + " exactly once in: " + t.text());
        }
        assertEquals(spans.size(), t.spans().size());
        for (Translation.SpanCopy copy : t.spans()) {
            assertEquals(message.substring(copy.sourceStart(), copy.sourceEnd()), t.text().substring(copy.targetStart(), copy.targetEnd()));
            String span = message.substring(copy.sourceStart(), copy.sourceEnd());
            int column = t.sourceWords().indexOf(span);
            int row = indexOfWordContaining(t.targetWords(), span);
            assertEquals(1f, t.wordAlignment()[row][column], "a copy is aligned with its original");
        }
        assertTrue(t.text().indexOf("20") < t.text().indexOf("minutes"), "a number stands before what it counts: " + t.text());
        assertEquals(List.of(SpanKind.MENTION, SpanKind.URL, SpanKind.EMOJI), t.spans().subList(0, 3).stream()
                .map(Translation.SpanCopy::kind).toList());
    }

    @Test
    void messagesWithNothingToTranslateAreReturnedAsTheyAre() {
        for (String message : List.of("😂😂👍", "https://example.com/a?b=1", "@marie", "20h15 !!!", "🇫🇷 👍🏽\n:)", "...")) {
            Translation t = translate(message);
            assertEquals(message, t.text());
            assertTrue(t.segments().stream().noneMatch(Translation.Segment::translated));
            assertNull(t.quality(), "nothing was translated, so there is nothing to rate");
            for (Translation.SpanCopy copy : t.spans()) {
                assertEquals(message.substring(copy.sourceStart(), copy.sourceEnd()), t.text().substring(copy.targetStart(), copy.targetEnd()));
            }
        }
    }

    @Test
    void capitalsAndEmphasisSurvive() {
        Translation shouted = translate("JE SUIS TRÈS EN COLÈRE !!!");
        Translation calm = translate("Je suis très en colère !");
        assertEquals(calm.text().replaceAll("[.!?]$", "").toUpperCase() + "!!!", shouted.text());
        assertTrue(translate("Tu viens ce soir ?!").text().endsWith("?!"));
        assertTrue(translate("Bon, on verra...").text().endsWith("..."));
        assertFalse(translate("tu viens ce soir").text().endsWith("."), "no full stop where the writer put none");
    }

    @Test
    void aFirstLetterInLowerCaseIsRaisedForTheModelAndLeftAsWritten() {
        PreparedMessage prepared = (PreparedMessage) translator.prepare("je suis étudiant");
        assertEquals("Je suis étudiant.", prepared.units().get(0).modelText());
        assertEquals("I'm a student", translate("je suis étudiant").text());
    }

    @Test
    void marksTheModelCannotReadOrWriteComeBackAroundTheirWordsAndGarbleNothing() {
        assertEquals("He said “hello” to his mother. **Watch** out, I'm a student.",
                translate("Il a dit “bonjour” à sa mère. **Attention**, je suis étudiant.").text());
    }

    @Test
    void aSentenceTooLongForTheModelIsTranslatedInChunksAndOnlyHugeMessagesAreRejected() {
        String longSentence = "Je pense que nous devrions partir tôt demain matin, " .repeat(30) + "et revenir le soir.";
        TranslatorConfig small = TranslatorConfig.from(ConfigSource.of(Map.of(TranslatorConfig.MAX_MESSAGE_CHARS.key(), "1000",
                TranslatorConfig.MAX_SOURCE_TOKENS.key(), "60", TranslatorConfig.MAX_SENTENCE_WORDS.key(), "0")));
        try (TranslationEngine limited = TranslationEngine.load(small, new LanguagePair("fr", "en")); MessageTranslator strict = limited.newTranslator()) {
            Translation t = (Translation) strict.translate(List.of(longSentence.substring(0, 600))).get(0);
            assertTrue(t.segments().size() > 1, "cut into chunks");
            assertTrue(t.segments().stream().allMatch(Translation.Segment::translated));
            for (int s = 1; s < t.segments().size(); s++) {
                String cutAfter = longSentence.substring(0, t.segments().get(s - 1).sourceEnd());
                assertTrue(cutAfter.endsWith(","), "cut at punctuation: ..." + cutAfter.substring(cutAfter.length() - 20));
            }
            TranslationError error = (TranslationError) strict.translate(List.of(longSentence)).get(0);
            assertEquals(ErrorCode.TEXT_TOO_LONG, error.code());
            assertTrue(error.message().contains("translator.max.message.chars"), error.message());
        }
    }

    @Test
    void aSentenceLongerThanTheModelLearntFromIsTranslatedClauseByClauseKeepingItsCommasAndLowerCase() {
        String sentence = "je pense que tu as raison, mais je ne suis pas sûr que ce soit la meilleure idée pour nous tous, "
                + "surtout maintenant";
        Translation t = translate(sentence);
        assertEquals(List.of("je pense que tu as raison,", "mais je ne suis pas sûr que ce soit la meilleure idée pour nous tous,",
                        "surtout maintenant"),
                t.segments().stream().map(s -> sentence.substring(s.sourceStart(), s.sourceEnd())).toList());
        assertTrue(t.text().startsWith("I think you're right, but I'm not sure"), t.text());
        assertFalse(t.text().contains(",.") || t.text().endsWith("."), "the clause marks come back, no stop added: " + t.text());
    }

    @Test
    void aSentenceAlreadyInTheTargetLanguageIsKeptAsWrittenAndTheOthersTranslated() {
        String message = "Why do posts in French get English replies?  Je ne comprends pas.";
        Translation t = translate(message);
        assertEquals("Why do posts in French get English replies?  I don't understand.", t.text());
        assertEquals(List.of(false, true), t.segments().stream().map(Translation.Segment::translated).toList());
    }

    @Test
    void namesTheModelNeverSawComeOutAsWrittenAlignedWithThemselves() {
        Map<String, String> messages = Map.of(
                "Ingrid et Oluwaseun sont arrivés hier.", "Ingrid Oluwaseun",
                "C'est le livre d'Aurélie-Anne.", "Aurélie-Anne",
                "Tom a vu Maëlle à la gare.", "Tom Maëlle",
                "MERCI KWABENA", "KWABENA");
        messages.forEach((message, names) -> {
            Translation t = translate(message);
            for (String name : names.split(" ")) {
                assertEquals(1, count(t.text(), name), name + " exactly once in: " + t.text());
                int column = indexOfWordContaining(t.sourceWords(), name);
                int row = indexOfWordContaining(t.targetWords(), name);
                float[] weights = t.wordAlignment()[row];
                for (float w : weights) {
                    assertTrue(weights[column] >= w, name + " is aligned with itself in: " + t.text());
                }
            }
        });
    }

    @Test
    void aSentenceTypedWithoutAccentsIsTranslatedAsIfItHadThem() {
        assertEquals(translate("Ça va ? Je suis allé à l'école, où il était déjà.").text(),
                translate("ca va ? je suis alle a l'ecole, ou il etait deja.").text());
    }

    @Test
    void badMessagesGetTypedErrorsAndTheRestOfTheBatchIsTranslated() {
        List<String> input = List.of("Je suis étudiant.", "", "   ", "Bonjour\u0007 !", "Il\uD800 pleut.", "Elle est en retard.");
        List<TranslationOutcome> out = translator.translate(input);
        assertInstanceOf(Translation.class, out.get(0));
        assertEquals(ErrorCode.EMPTY_TEXT, ((TranslationError) out.get(1)).code());
        assertEquals(ErrorCode.EMPTY_TEXT, ((TranslationError) out.get(2)).code());
        assertEquals(ErrorCode.CONTROL_CHARACTER, ((TranslationError) out.get(3)).code());
        assertEquals(ErrorCode.INVALID_UNICODE, ((TranslationError) out.get(4)).code());
        assertInstanceOf(Translation.class, out.get(5));
    }

    @Test
    void batchedResultsComeBackInInputOrderAndEqualMessageByMessageResults() {
        List<String> input = List.of("Nous sommes trop vieux pour ça. Oui.", "Oui.", "Où est la gare la plus proche d'ici ?",
                "Il pleut. 😂", "Tom a acheté une voiture rouge hier.");
        for (DecodingOptions options : List.of(engine.config().decoding().withBeam(1, 1), engine.config().decoding())) {
            List<TranslationOutcome> batched = translator.translate(input, options);
            for (int i = 0; i < input.size(); i++) {
                Translation single = (Translation) translator.translate(List.of(input.get(i)), options).get(0);
                assertEquals(single.text(), ((Translation) batched.get(i)).text(), input.get(i));
            }
        }
    }

    @Test
    void alignmentsCoverTheWholeMessageOneRowPerTargetWord() {
        Translation t = translate("Je suis étudiant. Elle est en retard.");
        assertEquals(t.targetPieces().size(), t.alignment().length);
        for (float[] row : t.alignment()) {
            assertEquals(t.sourcePieces().size(), row.length);
        }
        assertEquals(List.of("Je", "suis", "étudiant.", "Elle", "est", "en", "retard."), t.sourceWords());
        assertEquals(t.text(), String.join(" ", t.targetWords()));
        assertEquals(t.targetWords().size(), t.wordAlignment().length);
        int firstSentenceWords = t.text().substring(0, t.segments().get(0).targetEnd()).split(" ").length;
        for (int i = 0; i < t.wordAlignment().length; i++) {
            float sum = 0;
            for (int j = 0; j < 7; j++) {
                sum += t.wordAlignment()[i][j];
                boolean otherSentence = (i < firstSentenceWords) != (j < 3);
                assertTrue(!otherSentence || t.wordAlignment()[i][j] == 0f, "sentences are blocks on the diagonal");
            }
            assertTrue(sum > 0 && sum <= 1.0001f, "a word's attention is a share of one: " + sum);
        }
    }

    @Test
    void everyResultCarriesAQualitySignalAndDoubtfulTranslationsAreFlagged() {
        Translation good = translate("Je suis étudiant.");
        assertFalse(good.quality().lowConfidence(), good.quality().toString());
        Translation gibberish = translate("Xqzt vbnrp kwlf zzgh ploum trvx qwer.");
        assertTrue(gibberish.quality().lowConfidence(), gibberish.text() + " " + gibberish.quality());
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
