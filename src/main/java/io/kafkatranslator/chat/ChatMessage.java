package io.kafkatranslator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.language.LanguagePair;

import java.util.regex.Pattern;

/**
 * What the page posts: who writes in which conversation, from which language to which, and the text;
 * for an edit or a deletion, the message's id and the operation (EDIT or DELETE). The text is checked
 * by the processor (an empty or too long one becomes a dead letter the page shows); the names are
 * checked here because they make the request's id and key. formality: formal, informal or auto (optional).
 */
record ChatMessage(String conversation, String writer, String from, String to, String text, String messageId,
                   String operation, Formality formality) {
    private static final Pattern CONVERSATION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    // No dash: the writer is read back as what precedes the request id's first dash.
    private static final Pattern WRITER = Pattern.compile("[A-Za-z0-9_.]{1,32}");

    /** The message the JSON describes; IllegalArgumentException saying what is wrong with it. */
    static ChatMessage from(JsonNode json) {
        require(json != null && json.isObject(), "a JSON object is expected");
        ChatMessage m = new ChatMessage(text(json, "conversation"), text(json, "writer"), text(json, "from"),
                text(json, "to"), text(json, "text"), optional(json, "message_id"), optional(json, "operation"),
                formality(optional(json, "formality")));
        require(m.operation == null || m.operation.equals("EDIT") || m.operation.equals("DELETE"),
                "operation must be EDIT or DELETE");
        require(m.operation == null || m.messageId != null, "an edit or a deletion needs the message_id it changes");
        require(m.messageId == null || MESSAGE_ID.matcher(m.messageId).matches(),
                "message_id must be 1-80 letters, digits, '_', '.' or '-'");
        require(CONVERSATION.matcher(m.conversation).matches(), "conversation must be 1-64 letters, digits, '_', '.' or '-'");
        require(WRITER.matcher(m.writer).matches(), "writer must be 1-32 letters, digits, '_' or '.'");
        require(LanguagePair.isLanguageCode(m.from) && LanguagePair.isLanguageCode(m.to),
                "from and to must be ISO 639-1 language codes (such as fr or en)");
        return m;
    }

    private static Formality formality(String value) {
        return value == null ? null : Formality.parse(value);
    }

    private static String optional(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : text(json, field);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        require(value != null && value.isTextual(), field + " must be a string");
        return value.asText();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
