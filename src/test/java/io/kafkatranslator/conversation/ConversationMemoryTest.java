package io.kafkatranslator.conversation;

import io.kafkatranslator.schema.ConversationState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationMemoryTest {
    private final ConversationMemory memory = new ConversationMemory(2);

    @Test
    void aSendersLanguageChangesOnlyAfterMessagesInARowInAnother() {
        ConversationState state = ConversationMemory.fresh(0);
        assertNull(memory.usualLanguage(state, "alice"));
        memory.learn(state, "alice", "fr");
        memory.learn(state, "bob", "en");
        assertEquals("fr", memory.usualLanguage(state, "alice"), "the first language shown is adopted at once");
        for (String language : new String[] {"en", "fr", "en", "fr"}) {
            memory.learn(state, "alice", language);
            assertEquals("fr", memory.usualLanguage(state, "alice"), "one quoted English message at a time changes nothing");
        }
        memory.learn(state, "alice", "en");
        memory.learn(state, "alice", "en");
        assertEquals("en", memory.usualLanguage(state, "alice"), "two in a row do");
        assertEquals("en", memory.usualLanguage(state, "bob"));
        memory.learn(state, null, "fr");
        memory.learn(state, "bob", null);
        assertEquals("en", memory.usualLanguage(state, "bob"), "no language shown, nothing learnt");
    }

    @Test
    void eachMessageIdCountsItsOwnVersionsAndAConversationIsIdleAfterTheGivenTime() {
        ConversationState state = ConversationMemory.fresh(1_000);
        assertEquals(1, memory.nextVersion(state, "m1"));
        assertEquals(1, memory.nextVersion(state, "m2"));
        assertEquals(2, memory.nextVersion(state, "m1"));
        assertFalse(ConversationMemory.idle(state, 60_999, 60_000));
        assertTrue(ConversationMemory.idle(state, 61_000, 60_000));
    }
}
