package io.kafkatranslator.align;

import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.decode.SourceBatch;
import io.kafkatranslator.runtime.EncodedBatch;
import io.kafkatranslator.runtime.InferenceSession;
import io.kafkatranslator.runtime.SourceMemory;
import io.kafkatranslator.runtime.StepOutput;
import io.kafkatranslator.tokenize.SubwordTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RealignmentTest {
    private static final int EOS = 3;
    private static final Path MODEL = Path.of("src/main/resources/models/fr-en");
    private static SubwordTokenizer source;
    private static SubwordTokenizer target;

    @BeforeAll
    static void tokenizers() {
        source = new SubwordTokenizer(MODEL.resolve("source.model"));
        target = new SubwordTokenizer(MODEL.resolve("target.model"));
    }

    @AfterAll
    static void close() {
        source.close();
        target.close();
    }

    /** An alignment layer whose weight at (row, step, position) is row * 100 + step * 10 + position, so any mix-up shows. */
    private static final class LabelledLayer implements InferenceSession {
        final boolean aligns;
        int calls;

        LabelledLayer(boolean aligns) {
            this.aligns = aligns;
        }

        @Override
        public EncodedBatch encode(long[] ids, long[] lengths, int batch, int sourceLength) {
            return new EncodedBatch(batch, sourceLength, 1, 1, new float[batch * sourceLength], new float[batch],
                    EncodedBatch.mask(lengths, sourceLength));
        }

        @Override
        public SourceMemory memory(EncodedBatch encoded, int[] sentenceOfRow) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StepOutput step(long[] previousIds, float[] state, SourceMemory memory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean aligns() {
            return aligns;
        }

        @Override
        public float[] align(EncodedBatch encoded, int[] sentenceOfRow, long[] targetIds, long[] targetLengths,
                             int targetLength, float[] similarity) {
            calls++;
            int s = encoded.sourceLength();
            float[] out = new float[sentenceOfRow.length * targetLength * s];
            for (int r = 0; r < sentenceOfRow.length; r++) {
                assertEquals(EOS, targetIds[(int) (r * targetLength + targetLengths[r] - 1)], "EOS closes every target");
                for (int t = 0; t < targetLength; t++) {
                    for (int j = 0; j < s; j++) {
                        out[(r * targetLength + t) * s + j] = r * 100 + t * 10 + j;
                    }
                }
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    private static Hypothesis hypothesis(int[] ids, int sourceLength) {
        return new Hypothesis(ids, -1, -1, new float[ids.length + 1][sourceLength]);
    }

    @Test
    void theHypothesesAMessageUsesGetTheLayersRowsCutToTheirSentenceInOneCall() {
        SourceBatch batch = SourceBatch.of(new int[][] {{20, 21, 22}, {30}}, EOS, 0);
        LabelledLayer layer = new LabelledLayer(true);
        EncodedBatch encoded = layer.encode(batch.ids(), batch.lengths(), 2, batch.longest());
        Hypothesis kept = hypothesis(new int[] {7, 8, 9}, 4);
        List<List<Hypothesis>> found = List.of(List.of(hypothesis(new int[] {5, 6}, 4), kept), List.of(hypothesis(new int[] {8}, 2)));
        List<List<Hypothesis>> out = new Realignment(source, target, EOS).apply(layer, encoded, batch, found, 1);
        assertEquals(1, layer.calls);
        float[][] first = out.get(0).get(0).alignment();
        assertEquals(3, first.length, "one row per step, the EOS step included");
        assertArrayEquals(new float[] {20, 21, 22, 23}, first[2], "row 0, step 2, the sentence's 3 pieces and EOS");
        float[][] second = out.get(1).get(0).alignment();
        assertArrayEquals(new float[] {100, 101}, second[0], "row 1: sentence 1's one piece and EOS, padding cut");
        assertSame(kept, out.get(0).get(1), "a hypothesis past the n-best keeps its attention");
    }

    @Test
    void aModelWithoutTheLayerKeepsItsAttention() {
        SourceBatch batch = SourceBatch.of(new int[][] {{20}}, EOS, 0);
        LabelledLayer layer = new LabelledLayer(false);
        List<List<Hypothesis>> found = List.of(List.of(hypothesis(new int[] {5}, 2)));
        assertSame(found, new Realignment(source, target, EOS).apply(layer,
                layer.encode(batch.ids(), batch.lengths(), 1, batch.longest()), batch, found, 1));
        assertEquals(0, layer.calls);
    }
}
