package io.kafkatranslator.message;

import io.kafkatranslator.segment.SentenceSplitter;
import io.kafkatranslator.tokenize.SubwordTokenizer;
import io.kafkatranslator.tokenize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence longer than the model learnt from (more than maxSentenceWords words) is cut into
 * chunks at its clause marks, and one with more pieces than the model takes at punctuation where it
 * can, else between words. Each chunk is then adapted as a sentence of its own ({@link EndPunctuation}
 * gives its clause mark back, {@link FirstLetter} lowers a continuing chunk's first letter).
 */
final class ClauseChunks {
    /** The marks a clause ends with. */
    static final String MARKS = ",;:";

    private final SubwordTokenizer tokenizer;
    private final int maxSourceTokens;
    private final int maxSentenceWords;

    /** maxSentenceWords: 0 keeps sentences whole, whatever their length in words. */
    ClauseChunks(SubwordTokenizer tokenizer, int maxSourceTokens, int maxSentenceWords) {
        this.tokenizer = tokenizer;
        this.maxSourceTokens = maxSourceTokens;
        this.maxSentenceWords = maxSentenceWords;
    }

    /** Whether a sentence of these elements, given to the model as this many pieces, is taken whole. */
    boolean fits(List<Element> elements, int pieces) {
        return pieces <= maxSourceTokens && !tooManyWords(elements);
    }

    List<List<Element>> chunks(String text, List<Element> elements) {
        List<Sized> sized = new ArrayList<>();
        for (Element e : elements) {
            splitLongWord(text, e, sized);
        }
        return greedyChunks(text, sized);
    }

    private boolean tooManyWords(List<Element> elements) {
        return maxSentenceWords > 0 && elements.stream().filter(Element::isWord).count() > maxSentenceWords;
    }

    /** An element and the pieces it takes (0 for a span): counted once for the chunking. */
    private record Sized(Element element, int pieces) {
    }

    /** A word with more pieces than the model takes (a run of characters with no space) is halved until it fits. */
    private void splitLongWord(String text, Element e, List<Sized> out) {
        int pieces = e.isWord() ? tokenizer.encode(TextNormalizer.normalize(e.text(text))).length : 0;
        if (pieces <= maxSourceTokens || e.end() - e.start() < 2) {
            out.add(new Sized(e, pieces));
            return;
        }
        int middle = e.start() + (e.end() - e.start()) / 2;
        if (Character.isLowSurrogate(text.charAt(middle))) {
            middle++;
        }
        splitLongWord(text, new Element(e.start(), middle, null, e.spaceBefore()), out);
        splitLongWord(text, new Element(middle, e.end(), null, true), out);
    }

    /**
     * Greedy chunks: one is cut after its last clause mark once it has more than maxSentenceWords
     * words, and, where the next element would take it past the model's limit, after its last clause
     * mark if that keeps half the budget, else between words.
     */
    private List<List<Element>> greedyChunks(String text, List<Sized> elements) {
        List<List<Element>> out = new ArrayList<>();
        List<Sized> current = new ArrayList<>();
        int tokens = 0;
        int lastMark = -1;
        int tokensAtMark = 0;
        for (Sized sized : elements) {
            if (!current.isEmpty() && tokens + sized.pieces() > maxSourceTokens) {
                int cut = lastMark >= 0 && tokensAtMark * 2 >= maxSourceTokens ? lastMark + 1 : current.size();
                current = cut(current, cut, out);
                tokens = current.stream().mapToInt(Sized::pieces).sum();
                lastMark = -1;
            }
            current.add(sized);
            tokens += sized.pieces();
            if (endsClause(text, sized.element())) {
                lastMark = current.size() - 1;
                tokensAtMark = tokens;
            }
            if (lastMark >= 0 && tooManyWords(current.stream().map(Sized::element).toList())) {
                current = cut(current, lastMark + 1, out);
                tokens = current.stream().mapToInt(Sized::pieces).sum();
                lastMark = -1;
            }
        }
        if (!current.isEmpty()) {
            out.add(current.stream().map(Sized::element).toList());
        }
        return out;
    }

    /** Adds current's first `cut` elements to out as a chunk and returns the rest. */
    private static List<Sized> cut(List<Sized> current, int cut, List<List<Element>> out) {
        out.add(current.subList(0, cut).stream().map(Sized::element).toList());
        return new ArrayList<>(current.subList(cut, current.size()));
    }

    /**
     * A clause ends after a word ending in ",;:" and before a run of two or more spaces, which is
     * what a line break becomes in text flattened to one line.
     */
    private static boolean endsClause(String text, Element e) {
        boolean mark = e.isWord() && MARKS.indexOf(text.charAt(e.end() - 1)) >= 0;
        return mark || (e.end() + 1 < text.length() && SentenceSplitter.isSpace(text.charAt(e.end()))
                && SentenceSplitter.isSpace(text.charAt(e.end() + 1)));
    }
}
