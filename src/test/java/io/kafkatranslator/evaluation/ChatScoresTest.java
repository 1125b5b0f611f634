package io.kafkatranslator.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatScoresTest {

    @Test
    void aShortReplyIsAcceptableWhenItIsAReferenceButForCasePunctuationAndSpacing() {
        assertTrue(ShortReplies.acceptable("super !", List.of("Great!", "Super!")));
        assertTrue(ShortReplies.acceptable("That’s great", List.of("That's great!")));
        assertFalse(ShortReplies.acceptable("Go away.", List.of("Great!", "Super!")));
    }

    @Test
    void capitalsAreKeptOnlyWhenEveryOneComesOutAsOftenAsWritten() {
        assertEquals("50.0 % (2 of 4)", CapitalsKept.of(
                List.of("Je suis NAME-M, de PRS-ORG.", "NAME-F et NAME-F", "TOUT EN CAPITALES NAME-M"),
                List.of("I'm NAME-M, from PRS-ORG.", "NAME-F and her", "ALL IN CAPITALS")));
    }
}
