package io.kafkatranslator.conversation;

import io.kafkatranslator.decode.Formality;
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
    void theRegisterIsTheOneOfTheLatestFrenchMessageThatShowsOne() {
        ConversationState state = ConversationMemory.fresh(0);
        assertEquals(Formality.AUTO, ConversationMemory.register(state.getRegister()));
        assertTrue(memory.learnRegister(state, "fr", "Tu as reçu mon colis ?"));
        assertFalse(memory.learnRegister(state, "fr", "Merci beaucoup !"), "a message that addresses nobody changes nothing");
        assertFalse(memory.learnRegister(state, "en", "Did you get your parcel?"), "English says nothing of tu or vous");
        assertFalse(memory.learnRegister(state, null, "Vous l'avez reçu ?"), "nor a message in a language not known");
        assertEquals(Formality.INFORMAL, ConversationMemory.register(state.getRegister()));
        assertTrue(memory.learnRegister(state, "fr", "Pouvez-vous me donner votre numéro ?"));
        assertEquals(Formality.FORMAL, ConversationMemory.register(state.getRegister()));
    }

    @Test
    void participantsNamesComeFromTheirSenderIdsAndHowTheyIntroduceThemselves() {
        ConversationState state = ConversationMemory.fresh(0);
        memory.learnNames(state, "rose.martin", "Salut tout le monde !");
        memory.learnNames(state, "U024BE7LH", "Bonjour, je m'appelle Prudence et je suis Française.");
        memory.learnNames(state, "agent", "Hi, I'm Will, how can I help? This is the support team.");
        memory.learnNames(state, null, "moi c'est Pierre");
        assertEquals(java.util.List.of("Rose", "Martin", "Prudence", "Française", "Will", "Pierre"), state.getNames(),
                "an id with digits and a role are no names; a nationality is taken, harmless: only given names that are "
                        + "also words (names/*.txt) use the list");
        for (int i = 0; i < ConversationMemory.MAX_NAMES; i++) {
            memory.learnNames(state, "user" + i, "My name is Name" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        assertEquals(ConversationMemory.MAX_NAMES, state.getNames().size(), "bounded, the oldest forgotten");
        assertFalse(state.getNames().contains("Rose"));
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

    @Test
    void aMessageMovesTheConversationsTimeOnlyByATwentiethOfTheIdleTimeSoMostLeaveItsStateAsItWas() {
        ConversationState state = ConversationMemory.fresh(1_000);
        ConversationMemory.heardAt(state, 3_999, 60_000);
        assertEquals(1_000, state.getLastMessageAt().toEpochMilli(), "3 s is less than a twentieth of a minute");
        ConversationMemory.heardAt(state, 4_000, 60_000);
        assertEquals(4_000, state.getLastMessageAt().toEpochMilli());
        assertTrue(ConversationMemory.idle(state, 64_000, 60_000), "forgotten 57 s after the message at 3.999 s: 95 %");
    }
}
