package io.kafkatranslator.engine;

import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.tokenize.TextNormalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputBuilderTest {
    private static TranslationEngine engine;

    @BeforeAll
    static void load() {
        engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /**
     * "I met" + middle + "yesterday", every unknown token of middle attending to "Kobenhavn": with one
     * unknown token, rendered "I met Kobenhavn yesterday".
     */
    private static OutputBuilder.Rendered build(boolean replace, int... middle) {
        String source = TextNormalizer.normalize("J'ai rencontré Kobenhavn hier");
        int[] sourceIds = engine.sourceTokenizer().encode(source);
        int[] met = engine.targetTokenizer().encode("I met");
        int[] dot = engine.targetTokenizer().encode("yesterday");
        int[] ids = new int[met.length + middle.length + dot.length];
        System.arraycopy(met, 0, ids, 0, met.length);
        System.arraycopy(middle, 0, ids, met.length, middle.length);
        System.arraycopy(dot, 0, ids, met.length + middle.length, dot.length);
        String[] pieces = engine.sourceTokenizer().pieces(sourceIds);
        int target = -1;
        for (int j = 0; j < pieces.length; j++) {
            if (pieces[j].startsWith("\u2581Ko")) {
                target = j;
            }
        }
        float[][] attention = new float[ids.length][sourceIds.length + 1];
        for (int i = 0; i < ids.length; i++) {
            attention[i][ids[i] == unk() ? target : 0] = 1f;
        }
        Hypothesis h = new Hypothesis(ids, -1, -1, attention);
        return new OutputBuilder(engine.sourceTokenizer(), engine.targetTokenizer(), unk()).render(source, sourceIds, h, replace);
    }

    private static OutputBuilder.Rendered build(boolean replace) {
        return build(replace, unk());
    }

    private static int unk() {
        return engine.manifest().specialIds().unk();
    }

    @Test
    void unknownTargetTokenIsReplacedByTheSourceWordItAttendedToMost() {
        OutputBuilder.Rendered r = build(true);
        assertEquals(List.of("I", "met", "Kobenhavn", "yesterday"), r.words());
        assertEquals(1, r.replaced());
        assertEquals(1f, r.wordAlignment()[2][2], 1e-6);
    }

    @Test
    void replacementCanBeSwitchedOff() {
        OutputBuilder.Rendered r = build(false);
        assertEquals(0, r.replaced());
        assertEquals(false, r.words().contains("Kobenhavn"));
    }

    @Test
    void aCopyStandsForTheWholeTargetWordAndEachSourceWordIsCopiedOnce() {
        int[] n = engine.targetTokenizer().encode("xn");
        int continuation = n[n.length - 1];
        OutputBuilder.Rendered r = build(true, unk(), continuation, unk(), continuation);
        assertEquals(List.of("I", "met", "Kobenhavn", "yesterday"), r.words());
        assertEquals(1, r.replaced());
    }
}
