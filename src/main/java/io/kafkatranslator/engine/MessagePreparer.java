package io.kafkatranslator.engine;

import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.engine.PreparedMessage.PlacedSpan;
import io.kafkatranslator.engine.PreparedMessage.Placement;
import io.kafkatranslator.engine.PreparedMessage.Unit;
import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SentenceSplitter;
import io.kafkatranslator.segment.SpanDetector;
import io.kafkatranslator.segment.SpanKind;
import io.kafkatranslator.tokenize.SourceLexicon;
import io.kafkatranslator.tokenize.SubwordTokenizer;
import io.kafkatranslator.tokenize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The one place where a message is validated, segmented and tokenised. A message is split into
 * sentences; protected spans are taken out of each (the model never sees them; they are put back
 * by the alignment, as bergamot-translator does with HTML tags); a sentence in capitals is given to
 * the model in sentence case, a first letter in lower case is raised, accents left out are put back
 * and names the model never saw are given as placeholders (with the model's source lexicon, where it
 * has one: {@link SourceLexicon}, {@link NamePlaceholders}), emphatic end punctuation
 * ("!!!", "?!", "…") is given as one mark and a missing final full stop is added, all undone on
 * the way out. A sentence longer than the model learnt from (more than maxSentenceWords words) is
 * cut into chunks at its clause marks, and one with more pieces than the model takes at punctuation
 * where it can, else between words; a chunk's own ",;:" is given back after its translation and
 * the model sees a sentence. A sentence already in the target language (an English one in a French
 * message) is kept as written. Not thread-safe (one per translator).
 */
final class MessagePreparer {
    /** The marks that end a sentence, which the model is given as one and the assembler restores as written. */
    static final String END_PUNCTUATION = ".!?…";
    private static final String CHUNK_PUNCTUATION = ",;:";
    private static final int SHOUTED_MIN_LETTERS = 4;

    private final SubwordTokenizer tokenizer;
    private final SourceLexicon lexicon;
    private final SpanDetector spans;
    private final SentenceSplitter splitter;
    private final Predicate<String> inTargetLanguage;
    private final Locale locale;
    private final int maxMessageChars;
    private final int maxSourceTokens;
    private final int maxSentenceWords;

    /**
     * carried: whether the model reads and writes a punctuation mark or sign (see {@link SpanDetector});
     * maxSentenceWords: 0 keeps sentences whole, whatever their length in words.
     */
    MessagePreparer(SubwordTokenizer tokenizer, SourceLexicon lexicon, String language, IntPredicate carried,
                    Predicate<String> inTargetLanguage, int maxMessageChars, int maxSourceTokens, int maxSentenceWords) {
        this.tokenizer = tokenizer;
        this.spans = new SpanDetector(carried);
        this.lexicon = lexicon;
        this.splitter = new SentenceSplitter(language);
        this.inTargetLanguage = inTargetLanguage;
        this.locale = Locale.forLanguageTag(language);
        this.maxMessageChars = maxMessageChars;
        this.maxSourceTokens = maxSourceTokens;
        this.maxSentenceWords = maxSentenceWords;
    }

    Preparation prepare(String text) {
        TranslationError error = check(text);
        if (error != null) {
            return error;
        }
        List<ProtectedSpan> found = spans.find(text);
        List<Unit> units = new ArrayList<>();
        for (int[] sentence : splitter.split(text, found)) {
            List<Element> elements = elements(text, sentence[0], sentence[1], found);
            // A kept sentence is copied: none of the model's adaptations (placeholders, accents) is needed.
            units.addAll(inTargetLanguage.test(text.substring(sentence[0], sentence[1]))
                    ? List.of(unit(text, elements, false, false).kept()) : units(text, elements));
        }
        return message(text, units);
    }

    /**
     * The whole text as one sentence, as the model alone would take it: no segmentation, no
     * protected spans, no change of case or punctuation. The robustness report's baseline.
     */
    Preparation prepareAsOneSentence(String text) {
        TranslationError error = check(text);
        if (error != null) {
            return error;
        }
        List<Element> words = elements(text, 0, text.length(), List.of());
        Unit unit = unit(text, words, false, false);
        if (unit.ids().length > maxSourceTokens) {
            return new TranslationError(ErrorCode.TEXT_TOO_LONG, "the text has " + unit.ids().length
                    + " source pieces, more than the model's maximum of " + maxSourceTokens);
        }
        return message(text, List.of(unit));
    }

    private TranslationError check(String text) {
        TranslationError error = InputValidator.check(text);
        if (error == null && text.length() > maxMessageChars) {
            error = new TranslationError(ErrorCode.TEXT_TOO_LONG, "the message has " + text.length()
                    + " characters, more than the maximum of " + maxMessageChars + " (translator.max.message.chars)");
        }
        return error;
    }

    private static Preparation message(String text, List<Unit> units) {
        int tokens = units.stream().mapToInt(u -> u.ids().length).sum();
        if (units.stream().anyMatch(Unit::translatable) && tokens == 0) {
            return new TranslationError(ErrorCode.EMPTY_TEXT, "the text has no translatable content");
        }
        return new PreparedMessage(text, units, tokens);
    }

    /** A word (whitespace-delimited, up to a protected span) or a protected span of the message. */
    private record Element(int start, int end, ProtectedSpan span, boolean spaceBefore) {
        boolean isWord() {
            return span == null;
        }
    }

    private static List<Element> elements(String text, int start, int end, List<ProtectedSpan> found) {
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

    private List<Unit> units(String text, List<Element> elements) {
        Unit whole = unit(text, elements, true, false);
        if (!whole.translatable() || (whole.ids().length <= maxSourceTokens && !tooManyWords(elements))) {
            return List.of(whole);
        }
        List<Sized> sized = new ArrayList<>();
        for (Element e : elements) {
            splitLongWord(text, e, sized);
        }
        List<List<Element>> chunks = chunks(text, sized);
        List<Unit> out = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            out.add(unit(text, chunks.get(c), true, c > 0));
        }
        return out;
    }

    private boolean tooManyWords(List<Element> elements) {
        return maxSentenceWords > 0 && elements.stream().filter(Element::isWord).count() > maxSentenceWords;
    }

    /** An element and the pieces it takes (0 for a span): counted once for the chunking. */
    private record Sized(Element element, int pieces) {
    }

    /** A word with more pieces than the model takes (a run of characters with no space) is halved until it fits. */
    private void splitLongWord(String text, Element e, List<Sized> out) {
        int pieces = e.isWord() ? tokenizer.encode(TextNormalizer.normalize(text.substring(e.start(), e.end()))).length : 0;
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
    private List<List<Element>> chunks(String text, List<Sized> elements) {
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
        boolean mark = e.isWord() && CHUNK_PUNCTUATION.indexOf(text.charAt(e.end() - 1)) >= 0;
        return mark || (e.end() + 1 < text.length() && SentenceSplitter.isSpace(text.charAt(e.end()))
                && SentenceSplitter.isSpace(text.charAt(e.end() + 1)));
    }

    /**
     * Model words are the word elements, glued ones merged, each protected span removed; spans are
     * placed by their nearest words with letters. With adapt false (the model-alone baseline) the
     * text is given as written. continues: a chunk that is not the first of its sentence.
     */
    private Unit unit(String text, List<Element> elements, boolean adapt, boolean continues) {
        List<StringBuilder> modelWords = new ArrayList<>();
        List<String> sourceWords = new ArrayList<>();
        List<Integer> modelWordColumn = new ArrayList<>();
        List<Element> spanElements = new ArrayList<>();
        List<Integer> spanColumns = new ArrayList<>();
        List<Integer> wordsBeforeSpan = new ArrayList<>();
        boolean shouted = adapt && isShouted(elements.stream().filter(Element::isWord)
                .map(e -> text.substring(e.start(), e.end())).toList());
        NamePlaceholders names = adapt && lexicon != null ? new NamePlaceholders(lexicon,
                text.substring(elements.get(0).start(), elements.get(elements.size() - 1).end()), shouted) : null;
        List<Boolean> spanGlued = new ArrayList<>();
        Element previous = null;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            String s = text.substring(e.start(), e.end());
            String word = shouted ? s.toLowerCase(locale) : s;
            if (!e.isWord()) {
                spanElements.add(e);
                spanColumns.add(sourceWords.size());
                wordsBeforeSpan.add(modelWords.size());
                spanGlued.add(i + 1 < elements.size() && elements.get(i + 1).isWord() && !elements.get(i + 1).spaceBefore());
                sourceWords.add(s);
            } else if (previous != null && previous.isWord() && !e.spaceBefore()) {
                modelWords.get(modelWords.size() - 1).append(word);
                sourceWords.set(sourceWords.size() - 1, sourceWords.get(sourceWords.size() - 1) + s);
            } else {
                for (String w : names == null ? List.of(word) : names.modelWords(word, modelWords.size())) {
                    modelWords.add(new StringBuilder(w));
                    modelWordColumn.add(sourceWords.size());
                }
                sourceWords.add(s);
            }
            previous = e;
        }
        int start = elements.get(0).start();
        int end = elements.get(elements.size() - 1).end();
        int[] columns = modelWordColumn.stream().mapToInt(Integer::intValue).toArray();
        boolean[] lexical = new boolean[modelWords.size()];
        boolean anyLexical = false;
        for (int w = 0; w < modelWords.size(); w++) {
            lexical[w] = modelWords.get(w).chars().anyMatch(Character::isLetter);
            anyLexical |= lexical[w];
        }
        List<PlacedSpan> placed = new ArrayList<>();
        for (int s = 0; s < spanElements.size(); s++) {
            placed.add(place(spanElements.get(s), spanGlued.get(s), spanColumns.get(s), wordsBeforeSpan.get(s), lexical));
        }
        if (!anyLexical && adapt) {
            // Copied as it is: its spans stay where they are.
            return new Unit(start, end, false, "", new int[0], sourceWords, columns, placed, List.of(), false, null, false,
                    false);
        }
        String given = null;
        boolean addedStop = false;
        boolean lowerFirst = false;
        if (adapt) {
            // Called first, so that every unit's first letter is raised, not only a continuing chunk's.
            lowerFirst = raiseFirstLetter(modelWords) && continues;
            if (lexicon != null) {
                restoreAccents(modelWords);
            }
            StringBuilder last = modelWords.get(modelWords.size() - 1);
            int run = last.length();
            while (run > 0 && END_PUNCTUATION.indexOf(last.charAt(run - 1)) >= 0) {
                run--;
            }
            String ending = last.substring(run);
            char mark = last.isEmpty() ? ' ' : last.charAt(last.length() - 1);
            if (ending.length() > 1 || ending.equals("…")) {
                given = ending;
                last.setLength(run);
                last.append(ending.contains("?") ? "?" : ending.contains("!") ? "!" : ".");
            } else if (ending.isEmpty() && CHUNK_PUNCTUATION.indexOf(mark) >= 0 && last.length() > 1
                    && lexical[modelWords.size() - 1]) {
                // A unit ending in a clause mark (a chunk cut after it, or "Bonjour,"): the model is given
                // a sentence, and the mark comes back after its translation.
                given = String.valueOf(mark);
                last.setLength(last.length() - 1);
                last.append('.');
            } else if (ending.isEmpty() && lexical[modelWords.size() - 1]) {
                last.append('.');
                addedStop = true;
            }
        }
        String modelText = TextNormalizer.normalize(String.join(" ", modelWords));
        int[] ids = tokenizer.encode(modelText);
        return new Unit(start, end, true, modelText, ids, sourceWords, columns, placed,
                names == null ? List.of() : names.slots(), shouted, given, addedStop, lowerFirst);
    }

    private void restoreAccents(List<StringBuilder> modelWords) {
        String[] restored = lexicon.restoreAccents(String.join(" ", modelWords)).split(" ", -1);
        for (int w = 0; w < restored.length; w++) {
            modelWords.set(w, new StringBuilder(restored[w]));
        }
    }

    /**
     * gluedToWord: the span is written against the word after it ("(ou", "“abandonné", "**D'une"): it then goes
     * before that word's translation, glued to it, unless it is glued to the word before it as well.
     */
    private static PlacedSpan place(Element e, boolean gluedToWord, int column, int wordsBefore, boolean[] lexical) {
        int previousWord = -1;
        for (int w = wordsBefore - 1; w >= 0 && previousWord < 0; w--) {
            previousWord = lexical[w] ? w : -1;
        }
        int nextWord = -1;
        for (int w = wordsBefore; w < lexical.length && nextWord < 0; w++) {
            nextWord = lexical[w] ? w : -1;
        }
        boolean space = e.spaceBefore();
        boolean glued = gluedToWord && nextWord == wordsBefore;
        if (previousWord < 0) {
            return new PlacedSpan(e.span(), Placement.PREFIX, -1, column, space, glued);
        }
        if (nextWord < 0) {
            Placement p = wordsBefore < lexical.length ? Placement.BEFORE_END_PUNCTUATION : Placement.END;
            return new PlacedSpan(e.span(), p, -1, column, space, false);
        }
        return e.span().kind() == SpanKind.NUMBER || (glued && space)
                ? new PlacedSpan(e.span(), Placement.BEFORE_WORD, nextWord, column, space, glued)
                : new PlacedSpan(e.span(), Placement.AFTER_WORD, previousWord, column, space, false);
    }

    /** Two or more words, at least four letters, none of them lower case: "JE SUIS EN COLÈRE", not "OK" or "SNCF". */
    private static boolean isShouted(List<String> words) {
        int upper = 0;
        int lexicalWords = 0;
        for (String w : words) {
            boolean lexical = false;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                if (Character.isUpperCase(c)) {
                    upper++;
                    lexical = true;
                }
            }
            lexicalWords += lexical ? 1 : 0;
        }
        return upper >= SHOUTED_MIN_LETTERS && lexicalWords >= 2;
    }

    /** Raises the first letter; true where it was in lower case. */
    private boolean raiseFirstLetter(List<StringBuilder> words) {
        for (StringBuilder w : words) {
            for (int i = 0; i < w.length(); i++) {
                if (Character.isLetter(w.charAt(i))) {
                    boolean lower = Character.isLowerCase(w.charAt(i));
                    if (lower) {
                        w.replace(i, i + 1, w.substring(i, i + 1).toUpperCase(locale));
                    }
                    return lower;
                }
            }
        }
        return false;
    }
}
