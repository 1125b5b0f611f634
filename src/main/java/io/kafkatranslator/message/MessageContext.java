package io.kafkatranslator.message;

import io.kafkatranslator.policy.GlossaryTerm;

import java.util.List;
import java.util.Set;

/**
 * What a message's preparation needs beyond its text: the names of its conversation's participants
 * ("Conversations") and its tenant's glossary for the pair ("Glossaries and translation memory").
 */
public record MessageContext(Set<String> conversationNames, List<GlossaryTerm> terms) {
    public static final MessageContext NONE = new MessageContext(Set.of(), List.of());
}
