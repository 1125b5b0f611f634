package io.kafkatranslator.tokenize;

import ai.djl.sentencepiece.SpProcessor;
import ai.djl.sentencepiece.SpTokenizer;
import io.kafkatranslator.model.ModelLoadException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One language's SentencePiece model, loaded through DJL from the same .model file the training
 * pipeline wrote, so ids agree with Python. SentencePiece's processor is safe for concurrent use.
 */
public final class SubwordTokenizer implements AutoCloseable {
    /** SentencePiece's word-boundary marker, U+2581. */
    public static final char WORD_START = '\u2581';

    private final SpTokenizer tokenizer;
    private final SpProcessor processor;

    public SubwordTokenizer(Path modelFile) {
        try {
            tokenizer = new SpTokenizer(modelFile);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("Cannot load SentencePiece model " + modelFile + ": " + e.getMessage(), e);
        }
        processor = tokenizer.getProcessor();
    }

    public int[] encode(String normalizedText) {
        return processor.encode(normalizedText);
    }

    public String decode(int[] ids) {
        return processor.decode(ids);
    }

    public String[] pieces(int[] ids) {
        String[] out = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = processor.getToken(ids[i]);
        }
        return out;
    }

    /**
     * For every piece, the index of the whitespace-separated word it belongs to: a piece that
     * starts with the boundary marker opens a new word.
     */
    public static int[] wordIndex(String[] pieces) {
        int[] word = new int[pieces.length];
        int current = -1;
        for (int i = 0; i < pieces.length; i++) {
            if (current < 0 || (!pieces[i].isEmpty() && pieces[i].charAt(0) == WORD_START)) {
                current++;
            }
            word[i] = current;
        }
        return word;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
