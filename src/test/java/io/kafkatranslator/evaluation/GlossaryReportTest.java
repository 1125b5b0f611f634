package io.kafkatranslator.evaluation;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.route.Routing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GlossaryReportTest {
    @Test
    void everyTermOfTheTurnsIsCountedAndRenderedAsTheGlossaryRequires(@TempDir Path dir) throws Exception {
        Path turns = Files.writeString(dir.resolve("chats.tsv"), """
                source_language\ttarget_language\tdoc_id\tsender\tsource\treference
                fr\ten\tc1\tcustomer\tMa liseuse ne s'allume plus.\tMy eReader no longer turns on.
                fr\ten\tc1\tcustomer\tJ'ai reçu le remboursement, merci.\tI received the refund, thank you.
                en\tfr\tc1\tagent\tOpen the Support Centre, please.\tOuvrez le Centre d'assistance, s'il vous plaît.
                en\tfr\tc1\tagent\tThank you for your patience.\tMerci de votre patience.
                """);
        Path glossary = Files.writeString(dir.resolve("glossary.jsonl"), """
                {"pair": "fr-en", "term": "liseuse", "translation": "eReader"}
                {"pair": "fr-en", "term": "remboursement", "translation": "refund"}
                {"pair": "en-fr", "term": "Support Centre", "translation": null}
                """);
        TranslatorConfig config = TranslatorConfig.defaults();
        try (TranslationModels models = TranslationModels.load(config); Routing routing = Routing.open(models)) {
            String report = new GlossaryReport(routing, config.decoding()).build("evaluate", turns, glossary);
            assertTrue(report.contains("| **all** | | **2** |") && report.contains("**2 (100.0 %)** |\n"), report);
            assertTrue(report.contains("| Support Centre | kept as written | 1 |") && report.contains("**1 (100.0 %)** |\n"), report);
            assertTrue(report.contains("| without a term (1) |"), report);
        }
    }
}
