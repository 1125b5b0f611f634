package io.kafkatranslator.engine;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.tokenize.SubwordTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns decoded hypotheses into what users read: detokenised text, with every {@code <unk>} the
 * model emitted replaced by the source word it attended to most (OpenNMT's replace_unk), and the
 * subword and word alignment matrices.
 */
final class OutputBuilder {
    private final SubwordTokenizer source;
    private final SubwordTokenizer target;
    private final int unkId;

    OutputBuilder(SubwordTokenizer source, SubwordTokenizer target, int unkId) {
        this.source = source;
        this.target = target;
        this.unkId = unkId;
    }

    Translation build(String normalizedSource, int[] sourceIds, List<Hypothesis> hypotheses, DecodingOptions options) {
        Hypothesis best = hypotheses.get(0);
        String[] sourcePieces = source.pieces(sourceIds);
        int[] sourceWordOf = SubwordTokenizer.wordIndex(sourcePieces);
        List<String> sourceWords = sourceWords(normalizedSource, sourceIds, sourceWordOf);

        Rendered rendered = render(best, sourcePieces.length, sourceWordOf, sourceWords, options.replaceUnknowns());
        List<Translation.NBestEntry> nbest = new ArrayList<>();
        for (Hypothesis h : hypotheses.subList(0, Math.min(options.nbest(), hypotheses.size()))) {
            String text = h == best ? rendered.text
                    : render(h, sourcePieces.length, sourceWordOf, sourceWords, options.replaceUnknowns()).text;
            nbest.add(new Translation.NBestEntry(text, h.score()));
        }
        if (!options.alignments()) {
            return new Translation(rendered.text, best.score(), nbest, List.of(sourcePieces), rendered.pieces,
                    new float[0][], List.of(), List.of(), new float[0][], rendered.replaced);
        }
        float[][] subword = Alignments.subword(best.attention(), best.ids().length, sourcePieces.length);
        float[][] words = Alignments.words(subword, rendered.wordOf, rendered.words.size(), sourceWordOf, sourceWords.size());
        return new Translation(rendered.text, best.score(), nbest, List.of(sourcePieces), rendered.pieces, subword,
                sourceWords, rendered.words, words, rendered.replaced);
    }

    private record Rendered(String text, List<String> pieces, int[] wordOf, List<String> words, int replaced) {
    }

    private Rendered render(Hypothesis h, int sourcePieces, int[] sourceWordOf, List<String> sourceWords, boolean replace) {
        int[] ids = h.ids();
        String[] pieces = target.pieces(ids);
        String[] substitutes = new String[ids.length];
        int replaced = 0;
        for (int i = 0; i < ids.length; i++) {
            if (replace && ids[i] == unkId && sourcePieces > 0) {
                int j = Alignments.argmax(Arrays.copyOf(h.attention()[i], sourcePieces));
                substitutes[i] = sourceWords.get(sourceWordOf[j]);
                // A copied word stands on its own: it opens a word like any piece with the boundary marker.
                pieces[i] = SubwordTokenizer.WORD_START + substitutes[i];
                replaced++;
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
        return new Rendered(text(ids, pieces, substitutes, 0, ids.length), List.of(pieces), wordOf, words, replaced);
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
                if (i < to) {
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
