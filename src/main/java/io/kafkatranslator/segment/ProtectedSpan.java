package io.kafkatranslator.segment;

/** A protected span of a message: [start, end) in UTF-16 code units. */
public record ProtectedSpan(int start, int end, SpanKind kind) {

    public boolean contains(int index) {
        return index > start && index < end;
    }

    public String text(String message) {
        return message.substring(start, end);
    }
}
