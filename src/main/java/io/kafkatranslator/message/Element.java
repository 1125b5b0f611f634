package io.kafkatranslator.message;

import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SentenceSplitter;

import java.util.ArrayList;
import java.util.List;

/** A word (whitespace-delimited, up to a protected span) or a protected span of a message, [start, end). */
record Element(int start, int end, ProtectedSpan span, boolean spaceBefore) {

    boolean isWord() {
        return span == null;
    }

    String text(String message) {
        return message.substring(start, end);
    }

    /** The elements of [start, end) of the message; found: the message's protected spans, in order. */
    static List<Element> of(String text, int start, int end, List<ProtectedSpan> found) {
        List<Element> out = new ArrayList<>();
        boolean space = false;
        int next = 0;
        int i = start;
        while (i < end) {
            while (next < found.size() && found.get(next).start() < i) {
                next++;
            }
            ProtectedSpan span = next < found.size() && found.get(next).start() == i ? found.get(next) : null;
            if (span != null) {
                out.add(new Element(i, Math.min(span.end(), end), span, space));
                i = span.end();
                space = false;
            } else if (SentenceSplitter.isSpace(text.charAt(i))) {
                space = true;
                i++;
            } else {
                int j = i;
                int spanStart = next < found.size() ? found.get(next).start() : Integer.MAX_VALUE;
                while (j < end && j < spanStart && !SentenceSplitter.isSpace(text.charAt(j))) {
                    j++;
                }
                out.add(new Element(i, j, null, space));
                i = j;
                space = false;
            }
        }
        return out;
    }
}
