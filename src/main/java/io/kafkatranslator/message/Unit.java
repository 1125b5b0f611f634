package io.kafkatranslator.message;

import io.kafkatranslator.segment.ProtectedSpan;

import java.util.List;

/**
 * One sentence or chunk, [start, end) of its message (what lies between units is whitespace,
 * copied as is). A unit with no word to translate (only emoji, URLs, numbers, punctuation…), or a
 * sentence already in the target language, is not translatable and is copied verbatim. sourceWords
 * are the words a reader sees, protected spans included; model word w is column
 * modelWordColumn[w] of them. adaptations: what was changed for the model, in the order it was
 * changed; its translation undoes them in the reverse order.
 */
public record Unit(int start, int end, boolean translatable, String modelText, int[] ids, List<String> sourceWords,
                   int[] modelWordColumn, List<ProtectedSpan> spans, List<Adaptation> adaptations) {
}
