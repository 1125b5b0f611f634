package io.kafkatranslator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chat message as it is typed, for the topology and broker tests: what must come through it whole. */
public final class TypedChat {
    /** A name at the start, chat spelling, a Slack and a dotted mention, an order code, a company in capitals. */
    public static final String MESSAGE = "Pierre, jsuis dispo mtn pour <@U024BE7LH> et @jean.dupont : la commande ORD-5521 de AMAZON est arrivée.";
    private static final List<String> KEPT = List.of("Pierre", "<@U024BE7LH>", "@jean.dupont", "ORD-5521", "AMAZON");

    private TypedChat() {
    }

    /** Each piece once, verbatim, in the translation, and the chat spelling spelt out. */
    public static void assertWhole(String translation) {
        for (String piece : KEPT) {
            assertTrue(translation.contains(piece), piece + " in " + translation);
            assertEquals(translation.indexOf(piece), translation.lastIndexOf(piece), piece + " once in " + translation);
        }
        assertFalse(translation.contains("jsuis"), "chat spelling spelt out: " + translation);
    }
}
