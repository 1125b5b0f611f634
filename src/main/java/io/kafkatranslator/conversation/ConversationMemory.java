package io.kafkatranslator.conversation;

import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.language.FrenchRegister;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.schema.ConversationState;
import io.kafkatranslator.schema.Participant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of what a conversation remembers, over its stored state. A sender's usual language is
 * the first one their messages show with confidence (detected, or given by the request); it changes
 * only after {@code switchAfter} messages in a row in another language, so that one quoted sentence,
 * a name or a borrowed word does not turn a French writer into an English one. Each message id has a
 * version: 1 for its first result, one more for each edit or deletion. The participants' names are
 * the parts of their sender ids made of letters only ("pierre", "rose.martin": Pierre, Rose,
 * Martin; not "U024BE7LH" nor a role such as "agent"), and the capitalised word after "je m'appelle",
 * "moi c'est", "je suis", "c'est", "my name is", "I'm", "I am", "this is" or "call me". The conversation's register
 * is the one its latest French message that shows one addresses its reader in (tu or vous: {@link FrenchRegister}).
 */
public final class ConversationMemory {
    /** What a conversation remembers of names, at most: its oldest are forgotten first. */
    static final int MAX_NAMES = 50;
    private static final Pattern INTRODUCED = Pattern.compile("(?<!\\p{L})(?:[Jj]e m['’]appelle|[Mm]oi,? c['’]est|[Jj]e suis"
            + "|[Cc]['’]est|[Mm]y name is|I['’]m|I am|[Tt]his is|[Cc]all me) (\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?!\\p{L})");
    private static final Pattern SENDER_PART = Pattern.compile("\\p{L}{2,}");
    /** Sender ids that name a role, not a person. */
    private static final Set<String> ROLES = Set.of("agent", "customer", "client", "support", "admin", "bot", "system",
            "user", "guest", "team", "service", "help", "info", "contact", "moderator", "staff");
    private final int switchAfter;

    public ConversationMemory(int switchAfter) {
        if (switchAfter < 1) {
            throw new IllegalArgumentException("switchAfter must be at least 1");
        }
        this.switchAfter = switchAfter;
    }

    public static ConversationState fresh(long now) {
        return new ConversationState(Instant.ofEpochMilli(now), new HashMap<>(), new HashMap<>(), new ArrayList<>(), null);
    }

    /** The sender's usual language; null for no sender or none learnt yet. */
    public String usualLanguage(ConversationState state, String sender) {
        Participant p = sender == null ? null : state.getParticipants().get(sender);
        return p == null ? null : p.getLanguage();
    }

    /** The language a request shows: the one it gives, else the one detected with confidence; null if neither. */
    public static String shownLanguage(String given, LanguageDetector.Detection detection) {
        return given != null ? given : detection != null && detection.detected() ? detection.language() : null;
    }

    /** One more message of the sender's shown to be in this language (null: nothing learnt); whether the state changed. */
    public boolean learn(ConversationState state, String sender, String language) {
        if (sender == null || language == null) {
            return false;
        }
        Participant p = state.getParticipants().get(sender);
        Participant before = p == null ? null : Participant.newBuilder(p).build();
        if (p == null) {
            p = new Participant(null, null, 0);
            state.getParticipants().put(sender, p);
        }
        int inARow = language.equals(p.getCandidate()) ? p.getCandidateMessages() + 1 : 1;
        if (p.getLanguage() == null || p.getLanguage().equals(language) || inARow >= switchAfter) {
            p.setLanguage(language);
            p.setCandidate(null);
            p.setCandidateMessages(0);
        } else {
            p.setCandidate(language);
            p.setCandidateMessages(inARow);
        }
        return !p.equals(before);
    }

    /** The names a message of the sender teaches: theirs, and the one the text introduces; whether the state changed. */
    public boolean learnNames(ConversationState state, String sender, String text) {
        Set<String> names = new LinkedHashSet<>(state.getNames());
        if (sender != null) {
            for (String part : sender.split("[^\\p{L}\\p{N}]+")) {
                if (SENDER_PART.matcher(part).matches() && !ROLES.contains(part.toLowerCase(Locale.ROOT))) {
                    names.add(part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
                }
            }
        }
        Matcher m = INTRODUCED.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        List<String> kept = new ArrayList<>(names);
        List<String> latest = kept.subList(Math.max(0, kept.size() - MAX_NAMES), kept.size());
        if (latest.equals(state.getNames())) {
            return false;
        }
        state.setNames(latest);
        return true;
    }

    /** A message in this language (null: not known); whether it changed the conversation's register. */
    public boolean learnRegister(ConversationState state, String language, String text) {
        Formality shown = "fr".equals(language) ? FrenchRegister.of(text).formality() : null;
        if (shown == null || shown.toString().equals(state.getRegister())) {
            return false;
        }
        state.setRegister(shown.toString());
        return true;
    }

    /** The conversation's register, or AUTO when none is known. */
    public static Formality register(String stored) {
        return stored == null ? Formality.AUTO : Formality.parse(stored);
    }

    /** The version of this result of the message: one more than its last. */
    public int nextVersion(ConversationState state, String messageId) {
        int version = state.getVersions().getOrDefault(messageId, 0) + 1;
        state.getVersions().put(messageId, version);
        return version;
    }

    /**
     * Notes a message of the conversation at now; whether the state changed. The time moves by a twentieth of the idle time at least, so that most
     * messages leave the state as it was: a conversation is forgotten between 95 % and 100 % of the idle time after
     * its last message.
     */
    public static boolean heardAt(ConversationState state, long now, long idleMs) {
        if (now - state.getLastMessageAt().toEpochMilli() < idleMs / 20) {
            return false;
        }
        state.setLastMessageAt(Instant.ofEpochMilli(now));
        return true;
    }

    /** Whether a conversation last heard from at that time is to be forgotten now. */
    public static boolean idle(ConversationState state, long now, long idleMs) {
        return now - state.getLastMessageAt().toEpochMilli() >= idleMs;
    }
}
