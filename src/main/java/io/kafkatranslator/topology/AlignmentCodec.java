package io.kafkatranslator.topology;

import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.schema.Segment;
import io.kafkatranslator.schema.TranslationResult;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A result's alignment blocks as bytes: row-major, one unsigned byte per weight (weight = byte / 255).
 * A quarter of Avro's float and a tenth of a JSON number, with an error under 0.002, far below what a
 * heatmap's colour scale or a strongest-word link can tell apart. Readers rebuild a segment's block,
 * or the whole message's matrix, from the segments' ranges.
 */
public final class AlignmentCodec {
    private static final float LEVELS = 255f;

    private AlignmentCodec() {
    }

    public static ByteBuffer encode(float[][] weights) {
        int columns = weights.length == 0 ? 0 : weights[0].length;
        byte[] out = new byte[weights.length * columns];
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = (byte) Math.round(Math.max(0f, Math.min(1f, weights[i][j])) * LEVELS);
            }
        }
        return ByteBuffer.wrap(out);
    }

    public static float[][] decode(ByteBuffer bytes, int rows, int columns) {
        if (bytes.remaining() != rows * columns) {
            throw new IllegalArgumentException("an alignment block of " + rows + " x " + columns + " has " + bytes.remaining() + " bytes");
        }
        ByteBuffer in = bytes.duplicate();
        float[][] out = new float[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i][j] = Byte.toUnsignedInt(in.get()) / LEVELS;
            }
        }
        return out;
    }

    /** The whole message's word matrix (target words x source words), its segments' blocks on the diagonal. */
    public static float[][] wordMatrix(TranslationResult r) {
        List<Translation.Block> blocks = new ArrayList<>();
        for (Segment s : r.getSegments()) {
            int rows = s.getTargetWordEnd() - s.getTargetWordStart();
            int columns = s.getSourceWordEnd() - s.getSourceWordStart();
            if (rows > 0 && columns > 0 && s.getWordAlignment().hasRemaining()) {
                blocks.add(new Translation.Block(s.getTargetWordStart(), s.getSourceWordStart(), columns,
                        decode(s.getWordAlignment(), rows, columns)));
            }
        }
        return Translation.dense(blocks, r.getTargetWords().size(), r.getSourceWords().size());
    }
}
