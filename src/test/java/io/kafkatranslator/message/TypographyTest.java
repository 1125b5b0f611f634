package io.kafkatranslator.message;

import io.kafkatranslator.config.FrenchSpacing;
import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SpanKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypographyTest {

    /** The unit with its guillemets as copied spans, adapted as the pipeline does for that target. */
    private static UnitDraft adapted(String text, String target, FrenchSpacing spacing) {
        List<ProtectedSpan> quotes = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if ("«»“”".indexOf(text.charAt(i)) >= 0) {
                quotes.add(new ProtectedSpan(i, i + 1, SpanKind.SYMBOL));
            }
        }
        UnitDraft draft = Scripted.draft(text, quotes, false);
        Typography.adapter(target, spacing).adapt(draft);
        ProtectedSpans.adapt(draft, Map.of());
        EndPunctuation.adapt(draft);
        return draft;
    }

    @Test
    void frenchQuotesAndSpacingAreNotCarriedIntoEnglish() {
        UnitDraft draft = adapted("il a dit « bonjour » hier !", "en", FrenchSpacing.SPACE);
        assertEquals("he said “hello” yesterday!", Scripted.restore(draft, List.of("he", "said", "hello", "yesterday!"), 0, 2, 4, 6));
    }

    @Test
    void frenchOutputIsSpacedAsConfigured() {
        UnitDraft plain = adapted("are you coming?", "fr", FrenchSpacing.SPACE);
        assertEquals("tu viens ?", Scripted.restore(plain, List.of("tu", "viens?"), 0, 2));
        UnitDraft narrow = adapted("he said “ hello ” now", "fr", FrenchSpacing.NARROW);
        assertEquals("il a dit «\u00A0bonjour\u00A0» maintenant",
                Scripted.restore(narrow, List.of("il", "a", "dit", "bonjour", "maintenant"), 0, 0, 1, 3, 5));
        UnitDraft colon = adapted("note: yes", "fr", FrenchSpacing.NARROW);
        assertEquals("remarque\u00A0: oui", Scripted.restore(colon, List.of("remarque:", "oui"), 0, 1));
        UnitDraft none = adapted("are you coming?", "fr", FrenchSpacing.NONE);
        assertEquals("tu viens?", Scripted.restore(none, List.of("tu", "viens?"), 0, 2));
    }
}
