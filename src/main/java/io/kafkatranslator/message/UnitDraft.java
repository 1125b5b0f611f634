package io.kafkatranslator.message;

import io.kafkatranslator.segment.ProtectedSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * One unit on its way to the model: the words a reader sees (protected spans included), and the
 * model's words, which the adaptations change in turn, each recording how to undo its change.
 * Protected spans are not model words; glued words (a word halved to fit the model) are one.
 */
public final class UnitDraft {
    /** A protected span of the unit: its column among the source words, the model words before it, and whether a word follows it with no space. */
    record SpanSite(Element element, int column, int wordsBefore, boolean gluedToWord) {
    }

    private final String message;
    private final int start;
    private final int end;
    private final boolean continues;
    private final MessageContext context;
    private final List<String> sourceWords = new ArrayList<>();
    private final List<SpanSite> spanSites = new ArrayList<>();
    private final List<Adaptation> adaptations = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private List<Integer> columns = new ArrayList<>();
    private boolean lowerCased;

    /** continues: a chunk that is not the first of its sentence. */
    UnitDraft(String message, List<Element> elements, boolean continues) {
        this(message, elements, continues, MessageContext.NONE);
    }

    /** context: the names of the message's conversation and its tenant's glossary. */
    UnitDraft(String message, List<Element> elements, boolean continues, MessageContext context) {
        this.message = message;
        this.context = context;
        this.start = elements.get(0).start();
        this.end = elements.get(elements.size() - 1).end();
        this.continues = continues;
        Element previous = null;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            String s = e.text(message);
            if (!e.isWord()) {
                boolean glued = i + 1 < elements.size() && elements.get(i + 1).isWord() && !elements.get(i + 1).spaceBefore();
                spanSites.add(new SpanSite(e, sourceWords.size(), words.size(), glued));
                sourceWords.add(s);
            } else if (previous != null && previous.isWord() && !e.spaceBefore()) {
                words.set(words.size() - 1, words.get(words.size() - 1) + s);
                sourceWords.set(sourceWords.size() - 1, sourceWords.get(sourceWords.size() - 1) + s);
            } else {
                words.add(s);
                columns.add(sourceWords.size());
                sourceWords.add(s);
            }
            previous = e;
        }
    }

    String message() {
        return message;
    }

    /** The names of the participants of the message's conversation and its tenant's glossary. */
    MessageContext context() {
        return context;
    }

    /** The unit as written. */
    String text() {
        return message.substring(start, end);
    }

    boolean continues() {
        return continues;
    }

    List<SpanSite> spanSites() {
        return spanSites;
    }

    int size() {
        return words.size();
    }

    String word(int w) {
        return words.get(w);
    }

    void setWord(int w, String word) {
        words.set(w, word);
    }

    /** The model's words, read-only. */
    List<String> words() {
        return List.copyOf(words);
    }

    int column(int w) {
        return columns.get(w);
    }

    /** New model words, each with its source column (a word the model is given as two keeps one column). */
    void replaceWords(List<String> newWords, List<Integer> newColumns) {
        words = new ArrayList<>(newWords);
        columns = new ArrayList<>(newColumns);
    }

    /** A model word with a letter in it: one a span can be placed by, and one that calls for a full stop. */
    boolean lexical(int w) {
        return words.get(w).chars().anyMatch(Character::isLetter);
    }

    boolean anyLexical() {
        for (int w = 0; w < words.size(); w++) {
            if (lexical(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words were put in lower case (a sentence written in capitals): every unknown word is then a name. */
    boolean lowerCased() {
        return lowerCased;
    }

    void markLowerCased() {
        lowerCased = true;
    }

    void record(Adaptation adaptation) {
        adaptations.add(adaptation);
    }

    /** The unit for the model, its words given as modelText and its pieces as ids. */
    Unit toUnit(String modelText, int[] ids) {
        return new Unit(start, end, true, modelText, ids, List.copyOf(sourceWords), columnArray(), spans(),
                List.copyOf(adaptations));
    }

    /** The unit copied as written, not translated. */
    Unit copied() {
        return new Unit(start, end, false, "", new int[0], List.copyOf(sourceWords), columnArray(), spans(), List.of());
    }

    private int[] columnArray() {
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<ProtectedSpan> spans() {
        return spanSites.stream().map(s -> s.element().span()).toList();
    }
}
