package io.kafkatranslator.evaluation;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.route.Routing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FormalityReportTest {
    @Test
    void countsTheRegisterOfEachOutputAsAskedAndAsTheConversationSetsIt(@TempDir Path dir) throws Exception {
        Path chats = Files.writeString(dir.resolve("chats.tsv"), """
                source_language\ttarget_language\tdoc_id\tsender\tsource\treference
                en\tfr\tc1\tagent\tCan you send me your address?\tPouvez-vous m'envoyer votre adresse ?
                fr\ten\tc1\tcustomer\tTu as reçu mon message ?\tDid you get my message?
                en\tfr\tc1\tagent\tDid you get my parcel?\tAs-tu reçu mon colis ?
                """);
        LanguagePair enFr = new LanguagePair("en", "fr");
        List<WmtChat.Turn> turns = WmtChat.read(chats);
        List<WmtChat.Turn> english = turns.stream().filter(t -> t.pair().equals(enFr)).toList();
        FormalityReport.TestSet set = new FormalityReport.TestSet("probe", english.stream().map(WmtChat.Turn::text).toList(),
                english.stream().map(t -> List.of(t.reference())).toList()).addressing();
        TranslatorConfig config = TranslatorConfig.defaults();
        try (TranslationModels models = TranslationModels.load(config); Routing routing = Routing.open(models)) {
            String report = new FormalityReport(routing, config.decoding(), enFr).build("evaluate", List.of(set), turns);
            assertTrue(report.contains("| formal | 2 | 0 | 0 | 0 | 100.0 % |"), report);
            assertTrue(report.contains("| informal | 0 | 2 | 0 | 0 | 100.0 % |"), report);
            // The second English turn follows the customer's tu; the first came before it.
            assertTrue(report.contains("| auto, the conversation's register | 0 of 1 | 1 | 1 | 0 |"), report);
        }
    }
}
