package io.kafkatranslator.engine;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
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
        engine = TranslationEngine.load(TranslatorConfig.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** "I met <unk> ." with the unknown token attending to "Kobenhavn" is rendered "I met Kobenhavn ." */
    private static Translation build(boolean replace) {
        String source = TextNormalizer.normalize("J'ai rencontré Kobenhavn hier");
        int[] sourceIds = engine.sourceTokenizer().encode(source);
        int[] met = engine.targetTokenizer().encode("I met");
        int[] dot = engine.targetTokenizer().encode("yesterday");
        int unk = engine.manifest().specialIds().unk();
        int[] ids = new int[met.length + 1 + dot.length];
        System.arraycopy(met, 0, ids, 0, met.length);
        ids[met.length] = unk;
        System.arraycopy(dot, 0, ids, met.length + 1, dot.length);
        String[] pieces = engine.sourceTokenizer().pieces(sourceIds);
        int target = -1;
        for (int j = 0; j < pieces.length; j++) {
            if (pieces[j].startsWith("\u2581Ko")) {
                target = j;
            }
        }
        float[][] attention = new float[ids.length][sourceIds.length + 1];
        for (int i = 0; i < ids.length; i++) {
            attention[i][i == met.length ? target : 0] = 1f;
        }
        Hypothesis h = new Hypothesis(ids, -1, attention);
        DecodingOptions options = engine.config().decoding().withBeam(1, 1);
        options = new DecodingOptions(1, 1, options.lengthPenalty(), options.maxLengthA(), options.maxLengthB(), replace, true);
        return new OutputBuilder(engine.sourceTokenizer(), engine.targetTokenizer(), unk)
                .build(source, sourceIds, List.of(h), options);
    }

    @Test
    void unknownTargetTokenIsReplacedByTheSourceWordItAttendedToMost() {
        Translation t = build(true);
        assertEquals("I met Kobenhavn yesterday", t.text());
        assertEquals(1, t.unknownsReplaced());
        assertEquals(List.of("I", "met", "Kobenhavn", "yesterday"), t.targetWords());
        assertEquals(1f, t.wordAlignment()[2][2], 1e-6);
    }

    @Test
    void replacementCanBeSwitchedOff() {
        Translation t = build(false);
        assertEquals(0, t.unknownsReplaced());
        assertEquals(false, t.text().contains("Kobenhavn"));
    }
}
