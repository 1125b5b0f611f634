package io.kafkatranslator.message;

import io.kafkatranslator.policy.GlossaryTerm;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a message's preparation needs beyond its text: the names of its conversation's participants
 * ("Conversations") and its tenant's glossary for the pair ("Glossaries and translation memory").
 */
public record MessageContext(Set<String> conversationNames, List<GlossaryTerm> terms) {
    public static final MessageContext NONE = new MessageContext(Set.of(), List.of());

    /**
     * The names and terms that could change this text's translation: a name only where the text holds it as written
     * (names match so), a term only where the text holds each of its words in some case (terms match whole words,
     * whatever their case). Two messages of one text in conversations with other names, or for tenants with other
     * terms, are then translated alike: the cache answers the second.
     */
    public MessageContext relevantTo(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String upper = text.toUpperCase(Locale.ROOT);
        return new MessageContext(conversationNames.stream().filter(text::contains).collect(Collectors.toUnmodifiableSet()),
                terms.stream().filter(t -> java.util.Arrays.stream(t.term().split("\\s+")).allMatch(
                        w -> lower.contains(w.toLowerCase(Locale.ROOT)) || upper.contains(w.toUpperCase(Locale.ROOT)))).toList());
    }
}
