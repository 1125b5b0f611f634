package io.kafkatranslator.message;

import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SpanKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProtectedSpansTest {

    private static UnitDraft adapted(String text, String... spans) {
        List<ProtectedSpan> found = java.util.Arrays.stream(spans)
                .map(s -> new ProtectedSpan(text.indexOf(s), text.indexOf(s) + s.length(), SpanKind.URL)).toList();
        UnitDraft draft = Scripted.draft(text, found, false);
        ProtectedSpans.adapt(draft, Map.of());
        EndPunctuation.adapt(draft);
        return draft;
    }

    @Test
    void aSpanNeverReachesTheModelAndComesBackOnceNextToItsWord() {
        UnitDraft draft = adapted("regarde https://x.fr/a maintenant", "https://x.fr/a");
        assertEquals(List.of("regarde", "maintenant."), draft.words());
        // Source columns: regarde 0, the URL 1, maintenant 2.
        assertEquals("now look https://x.fr/a", Scripted.restore(draft, List.of("now", "look."), 2, 0));
    }

    @Test
    void aSpanThatOpensOrEndsTheSentenceKeepsItsPlaceAroundTheEndMark() {
        UnitDraft draft = adapted("@lea merci ! 👍", "@lea", "👍");
        assertEquals("@lea thanks! 👍", Scripted.restore(draft, List.of("thanks!"), 1));
    }

    @Test
    void aReactionComesBackInTheTargetLanguagesUsualForm() {
        String text = "trop drôle mdr";
        UnitDraft draft = Scripted.draft(text, List.of(new ProtectedSpan(11, 14, SpanKind.REACTION)), false);
        ProtectedSpans.adapter("en").adapt(draft);
        EndPunctuation.adapt(draft);
        assertEquals(List.of("trop", "drôle."), draft.words());
        assertEquals("so funny lol", Scripted.restore(draft, List.of("so", "funny."), 0, 1));
    }
}
