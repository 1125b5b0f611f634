package io.kafkatranslator.engine;

import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.tokenize.SubwordTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one hypothesis of one sentence into what users read: detokenised words, with every
 * {@code <unk>} the model emitted replaced by the source word it attended to most (OpenNMT's
 * replace_unk, once per source word), and the subword and word alignment matrices.
 */
public final class OutputBuilder {
    private final SubwordTokenizer source;
    private final SubwordTokenizer target;
    private final int unkId;

    public OutputBuilder(SubwordTokenizer source, SubwordTokenizer target, int unkId) {
        this.source = source;
        this.target = target;
        this.unkId = unkId;
    }

    /**
     * A rendered hypothesis: target words (the text is them joined by spaces), source and target pieces, subword
     * alignment (target pieces x source pieces) and word alignment (target words x the source's words).
     */
    public record Rendered(List<String> words, List<String> sourcePieces, List<String> pieces, float[][] subword,
                    float[][] wordAlignment, int replaced) {
    }

    public Rendered render(String normalizedSource, int[] sourceIds, Hypothesis h, boolean replaceUnknowns) {
        String[] sourcePieces = source.pieces(sourceIds);
        int[] sourceWordOf = SubwordTokenizer.wordIndex(sourcePieces);
        List<String> sourceWords = sourceWords(normalizedSource, sourceIds, sourceWordOf);
        int[] ids = h.ids();
        String[] pieces = target.pieces(ids);
        String[] substitutes = new String[ids.length];
        int replaced = 0;
        Set<Integer> copied = new HashSet<>();
        boolean inCopy = false;
        for (int i = 0; i < ids.length; i++) {
            if (replaceUnknowns && ids[i] == unkId && sourcePieces.length > 0) {
                int word = sourceWordOf[Alignments.argmax(Arrays.copyOf(h.alignment()[i], sourcePieces.length))];
                // A SentencePiece model's unknown piece stands for characters, not a word: the copy stands for the
                // whole target word, so the pieces the model goes on spelling it with are dropped, and a word is
                // copied once ("musulmansn musulmansn" otherwise).
                if (copied.add(word)) {
                    substitutes[i] = sourceWords.get(word);
                    // A copied word stands on its own: it opens a word like any piece with the boundary marker.
                    pieces[i] = SubwordTokenizer.WORD_START + substitutes[i];
                    replaced++;
                } else {
                    substitutes[i] = "";
                }
                inCopy = true;
            } else if (inCopy && pieces[i].charAt(0) != SubwordTokenizer.WORD_START) {
                substitutes[i] = "";
            } else {
                inCopy = false;
            }
        }
        int[] wordOf = SubwordTokenizer.wordIndex(pieces);
        int wordCount = ids.length == 0 ? 0 : wordOf[ids.length - 1] + 1;
        List<String> words = new ArrayList<>(wordCount);
        int start = 0;
        for (int w = 0; w < wordCount; w++) {
            int end = start;
            while (end < ids.length && wordOf[end] == w) {
                end++;
            }
            words.add(text(ids, pieces, substitutes, start, end));
            start = end;
        }
        float[][] subword = Alignments.subword(h.alignment(), ids.length, sourcePieces.length);
        float[][] wordAlignment = Alignments.words(subword, wordOf, wordCount, sourceWordOf, sourceWords.size());
        return new Rendered(words, List.of(sourcePieces), List.of(pieces), subword, wordAlignment, replaced);
    }

    /** SentencePiece decodes the runs between substituted words; a run that opens a word gets its space back. */
    private String text(int[] ids, String[] pieces, String[] substitutes, int from, int to) {
        StringBuilder out = new StringBuilder();
        int runStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || substitutes[i] != null) {
                if (i > runStart) {
                    appendWord(out, target.decode(Arrays.copyOfRange(ids, runStart, i)),
                            pieces[runStart].charAt(0) == SubwordTokenizer.WORD_START);
                }
                if (i < to && !substitutes[i].isEmpty()) {
                    appendWord(out, substitutes[i], true);
                }
                runStart = i + 1;
            }
        }
        return out.toString();
    }

    private static void appendWord(StringBuilder out, String text, boolean opensWord) {
        if (opensWord && out.length() > 0) {
            out.append(' ');
        }
        out.append(text);
    }

    private List<String> sourceWords(String normalizedSource, int[] sourceIds, int[] sourceWordOf) {
        int count = sourceIds.length == 0 ? 0 : sourceWordOf[sourceIds.length - 1] + 1;
        String[] split = normalizedSource.split(" ");
        if (split.length == count) {
            return List.of(split);
        }
        // SentencePiece's own normalisation changed the word count: fall back to its pieces.
        List<String> words = new ArrayList<>(count);
        int start = 0;
        for (int w = 0; w < count; w++) {
            int end = start;
            while (end < sourceIds.length && sourceWordOf[end] == w) {
                end++;
            }
            words.add(source.decode(Arrays.copyOfRange(sourceIds, start, end)));
            start = end;
        }
        return words;
    }
}
