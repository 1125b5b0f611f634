package io.kafkatranslator.segment;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence boundaries of a message by ICU's rules for the source language, with its standard
 * abbreviation suppressions (so "M. Dupont" stays one sentence); line breaks are boundaries too,
 * and so is a run of two or more spaces before a capital letter: what a line break becomes in text
 * flattened to one line (a title and its text, MTNT's forum comments), as ICU ends a sentence at a
 * full stop before a capital. A boundary inside a protected span (the dot of a URL) is ignored. Returns the content ranges
 * [start, end) with the surrounding whitespace left out: what lies between two ranges is copied as is.
 * Not thread-safe: one per thread.
 */
public final class SentenceSplitter {
    private final BreakIterator sentences;

    public SentenceSplitter(String language) {
        this.sentences = BreakIterator.getSentenceInstance(new ULocale(language + "@ss=standard"));
    }

    public List<int[]> split(String text, List<ProtectedSpan> spans) {
        List<int[]> out = new ArrayList<>();
        sentences.setText(text);
        int start = 0;
        for (int end = sentences.following(0); end != BreakIterator.DONE; end = sentences.next()) {
            if (end <= start || (end < text.length() && insideSpan(end, spans))) {
                continue;
            }
            end = closingQuote(text, end);
            addFlattenedLines(text, start, end, spans, out);
            start = end;
        }
        if (start < text.length()) {
            addFlattenedLines(text, start, text.length(), spans, out);
        }
        return out;
    }

    private static void addFlattenedLines(String text, int start, int end, List<ProtectedSpan> spans, List<int[]> out) {
        int from = start;
        for (int i = start; i + 1 < end; i++) {
            if (isSpace(text.charAt(i)) && isSpace(text.charAt(i + 1))) {
                int next = i;
                while (next < end && isSpace(text.charAt(next))) {
                    next++;
                }
                if (next < end && Character.isUpperCase(text.codePointAt(next)) && !insideSpan(i, spans)) {
                    addTrimmed(text, from, i, out);
                    from = next;
                }
                i = next - 1;
            }
        }
        addTrimmed(text, from, end, out);
    }

    /**
     * French puts a space before a closing guillemet, and ICU then ends the sentence before it ("« Pourquoi ? »
     * Il part." would give the » to the next sentence): a closing quote that stands alone after the boundary
     * ends the sentence it closes.
     */
    private static int closingQuote(String text, int end) {
        boolean alone = end > 0 && end < text.length() && isSpace(text.charAt(end - 1)) && "»”".indexOf(text.charAt(end)) >= 0
                && (end + 1 == text.length() || isSpace(text.charAt(end + 1)));
        return alone ? end + 1 : end;
    }

    private static boolean insideSpan(int index, List<ProtectedSpan> spans) {
        for (ProtectedSpan s : spans) {
            if (s.contains(index)) {
                return true;
            }
        }
        return false;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> out) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            out.add(new int[] {start, end});
        }
    }

    /** The whitespace TextNormalizer collapses: Java's whitespace and Unicode's space separators. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
