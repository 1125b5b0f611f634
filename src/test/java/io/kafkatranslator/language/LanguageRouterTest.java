package io.kafkatranslator.language;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LanguageRouterTest {
    private static final Set<LanguagePair> FR_EN_BOTH_WAYS = Set.of(new LanguagePair("fr", "en"), new LanguagePair("en", "fr"));
    private static final LanguageRouter ROUTER = new LanguageRouter(FR_EN_BOTH_WAYS,
            new LanguageDetector(LanguageRouter.languages(FR_EN_BOTH_WAYS), 0.05));

    @Test
    void chatFillersAreNotGuessedWhileSentencesAndTheirSpansFindTheirModel() {
        for (String filler : new String[] {"OK", "lol", "👍", "haha", "https://example.com/a?b=1 @marie 😂"}) {
            assertInstanceOf(LanguageRouter.Undetected.class, ROUTER.route(null, "en", filler), filler);
        }
        assertEquals(new LanguagePair("fr", "en"), ((LanguageRouter.ToModel) ROUTER.route(null, "en",
                "@marie Salut ! Le train de 8h15 a 20 minutes de retard 😩")).pair());
        assertEquals(new LanguagePair("en", "fr"), ((LanguageRouter.ToModel) ROUTER.route(null, "fr",
                "See you tomorrow at the station, the train is late again.")).pair());
        assertInstanceOf(LanguageRouter.SameLanguage.class, ROUTER.route(null, "fr", "Je suis étudiant et j'aime ce livre."));
        assertInstanceOf(LanguageRouter.SameLanguage.class, ROUTER.route("de", "de", "Guten Tag"));
        assertInstanceOf(LanguageRouter.Unsupported.class, ROUTER.route("de", "en", "Guten Tag"));
    }

    @Test
    void aSendersUsualLanguageStandsForAnUndetectedMessageAndAWeakDetectionOfAnotherButNotAStrongOne() {
        LanguageRouter router = new LanguageRouter(FR_EN_BOTH_WAYS, new LanguageDetector(LanguageRouter.languages(FR_EN_BOTH_WAYS),
                0.05), 0.1);
        assertEquals(new LanguagePair("fr", "en"), ((LanguageRouter.ToModel) router.route(null, "fr", "en", "lol")).pair());
        // Lingua reads this French as English by a lead under 0.1 (the WMT chat dev set has it).
        assertInstanceOf(LanguageRouter.SameLanguage.class, router.route(null, null, "en", "Via le chat"));
        assertEquals(new LanguagePair("fr", "en"), ((LanguageRouter.ToModel) router.route(null, "fr", "en", "Via le chat")).pair());
        assertInstanceOf(LanguageRouter.SameLanguage.class, router.route(null, "fr", "en",
                "See you tomorrow at the station, the train is late again."), "a clear detection wins over the usual language");
        assertInstanceOf(LanguageRouter.SameLanguage.class, router.route("en", "fr", "en", "lol"), "so does a given language");
    }

    @Test
    void languageCodesAreIso6391() {
        assertEquals("fr-en", LanguagePair.parse("fr-en").toString());
        for (String bad : new String[] {"french-en", "FR-en", "xx-en", "fr", "fr-en-de"}) {
            assertThrows(IllegalArgumentException.class, () -> LanguagePair.parse(bad), bad);
        }
    }
}
