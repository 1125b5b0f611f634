package io.kafkatranslator.policy;

import io.kafkatranslator.language.LanguagePair;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorrectionTest {
    @Test
    void aCorrectionBecomesItsTenantsMemoryEntryForTheNormalisedSource() {
        Correction c = Correction.parse("{\"source_language\": \"fr\", \"target_language\": \"en\", \"source_text\": \"Super !\", "
                + "\"translation\": \"Great!\", \"request_id\": \"r-1\", \"corrected_by\": null}");
        assertEquals(new Correction("default", new LanguagePair("fr", "en"), "Super !", "Great!"), c);
        assertEquals("default|fr-en|super", c.memoryKey());
        assertEquals("Great!", PolicyTopic.translationOf(c.memoryValue()));
        assertEquals(null, PolicyTopic.MEMORY.problem(c.memoryKey(), c.memoryValue()));
    }

    @Test
    void whatIsNotACorrectionIsRefusedWithTheFieldAtFault() {
        String valid = "\"source_language\": \"fr\", \"target_language\": \"en\", \"source_text\": \"Super !\"";
        Map<String, String> refused = Map.of(
                "not JSON", "{oops",
                "a correction is a JSON object", "[1]",
                "translation must be a non-empty string", "{" + valid + "}",
                "unknown field text", "{" + valid + ", \"translation\": \"Great!\", \"text\": \"x\"}",
                "tenant: letters, digits", "{" + valid + ", \"translation\": \"Great!\", \"tenant\": \"a|b\"}",
                "source_text has nothing to remember", "{" + valid.replace("Super !", "?!") + ", \"translation\": \"?!\"}",
                "target_language must be a non-empty string", "{" + valid.replace("\"en\"", "3") + ", \"translation\": \"Great!\"}");
        refused.forEach((reason, value) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Correction.parse(value), value);
            assertEquals(true, e.getMessage().startsWith(reason), reason + " <- " + e.getMessage());
        });
    }
}
