package io.kafkatranslator.engine;

import io.kafkatranslator.segment.ProtectedSpan;

import java.util.List;

/**
 * A message validated, cut into units (sentences, or chunks of a sentence too long for the model)
 * and tokenised, once. sourceTokens counts the pieces the model will read, for token budgets.
 */
public record PreparedMessage(String text, List<Unit> units, int sourceTokens) implements Preparation {

    /**
     * One sentence or chunk, [start, end) of the message (what lies between units is whitespace,
     * copied as is). A unit with no word to translate (only emoji, URLs, numbers, punctuation…), or
     * a sentence already in the target language, is not translatable and is copied verbatim. sourceWords are the words a reader sees, protected
     * spans included; model word w is column modelWordColumn[w] of them. names: the names given to
     * the model as placeholders. ending: the end punctuation given back in place of the model's (an
     * emphatic "!!!" or "…", or the ",;:" a chunk ended with), or null; addedStop: the model was
     * given a full stop the writer did not put; lowerFirst: a chunk that goes on a sentence in lower
     * case, whose translation starts in lower case too.
     */
    public record Unit(int start, int end, boolean translatable, String modelText, int[] ids, List<String> sourceWords,
                       int[] modelWordColumn, List<PlacedSpan> spans, List<NameSlot> names, boolean shouted,
                       String ending, boolean addedStop, boolean lowerFirst) {

        /** The same sentence copied as written, not translated. */
        Unit kept() {
            return new Unit(start, end, false, "", new int[0], sourceWords, modelWordColumn, spans, List.of(), false, null,
                    false, false);
        }
    }

    /** A name the model saw as the placeholder, in model word modelWord. */
    public record NameSlot(String placeholder, String name, int modelWord) {
    }

    /** Where a protected span goes back into the translation. */
    public enum Placement {
        /** Before every word: it opened the sentence. */
        PREFIX,
        /** Before the target word aligned with model word anchorWord (a number stands before what it counts). */
        BEFORE_WORD,
        /** After the target word aligned with model word anchorWord. */
        AFTER_WORD,
        /** After the last word, before the sentence's final punctuation. */
        BEFORE_END_PUNCTUATION,
        /** At the very end. */
        END
    }

    /**
     * A protected span of a unit, its column among the unit's source words and where it goes back;
     * gluedToNext: written against the word after it, which then follows it with no space.
     */
    public record PlacedSpan(ProtectedSpan span, Placement placement, int anchorWord, int column, boolean spaceBefore,
                             boolean gluedToNext) {
    }
}
