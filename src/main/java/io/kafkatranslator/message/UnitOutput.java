package io.kafkatranslator.message;

import io.kafkatranslator.segment.ProtectedSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * One unit's translation while its adaptations are undone: its tokens (the model's words, and in
 * the end the unit's protected spans too) and its end mark, kept apart until the spans that go
 * before it are placed.
 */
public final class UnitOutput {
    /** A word of the translation, its alignment row over the unit's source words, and the span it copies if any. */
    public record Token(String text, boolean spaceBefore, float[] row, ProtectedSpan span) {
        Token withText(String newText) {
            return new Token(newText, spaceBefore, row, span);
        }

        Token withSpaceBefore(boolean space) {
            return new Token(text, space, row, span);
        }
    }

    private final int columns;
    private final List<Token> tokens;
    private Token end;

    /** columns: how many source words the unit has. */
    UnitOutput(int columns, List<Token> words) {
        this.columns = columns;
        this.tokens = new ArrayList<>(words);
    }

    /** The tokens, in order, for the adaptations to change in place. */
    List<Token> tokens() {
        return tokens;
    }

    Token end() {
        return end;
    }

    void setEnd(Token mark) {
        end = mark;
    }

    /** The tokens and the end mark. */
    List<Token> finished() {
        List<Token> out = new ArrayList<>(tokens);
        if (end != null) {
            out.add(end);
        }
        return out;
    }

    /** The token that attended most to the given source column; -1 when there is none. */
    int alignedWord(int column) {
        int best = -1;
        float weight = 0;
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.get(t).row()[column] > weight) {
                weight = tokens.get(t).row()[column];
                best = t;
            }
        }
        return best;
    }

    /** A row all on one source column: a copy's alignment. */
    float[] oneHot(int column) {
        float[] row = new float[columns];
        row[column] = 1f;
        return row;
    }

    float[] emptyRow() {
        return new float[columns];
    }
}
