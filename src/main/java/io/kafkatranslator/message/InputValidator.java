package io.kafkatranslator.message;

import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.reason.ErrorCode;

/** Rejects text that must not reach the model, before any work is spent on it. */
public final class InputValidator {
    private InputValidator() {
    }

    /** Returns null when the raw text may be translated. */
    public static TranslationError check(String text) {
        if (text == null || text.isBlank()) {
            return new TranslationError(ErrorCode.EMPTY_TEXT, "the text is empty or blank");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return new TranslationError(ErrorCode.INVALID_UNICODE, "unpaired high surrogate at index " + i);
            }
            if (c == '\uFFFD') {
                // What lenient UTF-8 decoders (Avro's among them) make of invalid bytes: the text was corrupted upstream.
                return new TranslationError(ErrorCode.INVALID_UNICODE,
                        "replacement character U+FFFD at index " + i + " (invalid UTF-8 in the input)");
            }
            if (Character.isLowSurrogate(c)) {
                return new TranslationError(ErrorCode.INVALID_UNICODE, "unpaired low surrogate at index " + i);
            }
            // Tabs and line breaks are ordinary whitespace in a chat message; other controls are not text.
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return new TranslationError(ErrorCode.CONTROL_CHARACTER,
                        String.format("control character U+%04X at index %d", (int) c, i));
            }
        }
        return null;
    }
}
