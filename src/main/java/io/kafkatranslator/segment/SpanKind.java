package io.kafkatranslator.segment;

/** What a protected span is: text that is copied verbatim into the translation, never given to the model. */
public enum SpanKind {
    URL,
    EMAIL,
    MENTION,
    HASHTAG,
    EMOJI,
    EMOTICON,
    CODE,
    /**
     * A speaker label that starts a line, in capitals and ending with a colon ("AGENT:", "NAME-M_TEXT:"), as
     * support transcripts and exported chats put it, glued to the first word or not: the model read it as
     * words ("AGENT:Bonjour" came back as "ARE YOU").
     */
    LABEL,
    /**
     * Laughter and reactions (lol, mdr, ptdr, haha…): the model learnt none and drops them. Given back in the
     * target language's usual form where it has another (mdr → lol).
     */
    REACTION,
    /** A token with a digit in it: times, dates, amounts, phone numbers, ticket ids such as JIRA-1234. */
    NUMBER,
    /**
     * Punctuation or a sign the model cannot read or cannot write (for French → English, « * > ~ ^ [ ] “ ” and
     * more): given to the model it becomes the unknown piece, which garbles the words beside it.
     */
    SYMBOL
}
