package io.kafkatranslator.engine;

import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.language.LanguagePair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.tokenize.TextNormalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The Java engine reproduces the Python reference decoder (training/reference.py) on every shipped
 * model: each direction's fixtures hold 50 test sentences decoded there; here all 50 go through one
 * padded batch.
 */
class ParityTest {
    private static final double ALIGNMENT_TOLERANCE = 1e-4;
    private static final Map<String, Direction> LOADED = new HashMap<>();

    /** A shipped model, its translator and its fixtures. */
    private record Direction(TranslationEngine engine, MessageTranslator translator, JsonNode fixtures, DecodingOptions decoding) {
        List<JsonNode> sentences() {
            return StreamSupport.stream(fixtures.get("sentences").spliterator(), false).toList();
        }

        int[][] sources() {
            return sentences().stream().map(s -> ints(s.get("source_ids"))).toArray(int[][]::new);
        }
    }

    static List<String> shipped() {
        return ModelDirectory.openAll(List.of(), TranslatorConfig.defaults().cacheDir()).stream()
                .map(m -> m.manifest().languagePair()).toList();
    }

    private static Direction direction(String pair) throws IOException {
        if (!LOADED.containsKey(pair)) {
            JsonNode fixtures;
            try (InputStream in = ParityTest.class.getResourceAsStream("/parity/" + pair + ".json")) {
                assertNotNull(in, "a shipped model has parity fixtures: src/test/resources/parity/" + pair + ".json");
                fixtures = new ObjectMapper().readTree(in);
            }
            JsonNode d = fixtures.get("decoding");
            DecodingOptions decoding = new DecodingOptions(d.get("beam_size").asInt(), d.get("beam_size").asInt(),
                    d.get("length_penalty_alpha").asDouble(), 0.0, d.get("max_length_a").asDouble(),
                    d.get("max_length_b").asDouble(), false, true, Formality.AUTO);
            TranslationEngine engine = TranslationEngine.load(TranslatorConfig.defaults(), LanguagePair.parse(pair));
            LOADED.put(pair, new Direction(engine, engine.newTranslator(), fixtures, decoding));
        }
        return LOADED.get(pair);
    }

    @AfterAll
    static void close() {
        LOADED.values().forEach(d -> {
            d.translator().close();
            d.engine().close();
        });
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void normalizationAndTokenizerGiveTheReferenceSourceIds(String pair) throws IOException {
        Direction d = direction(pair);
        for (JsonNode c : d.fixtures().get("tokenizer_cases")) {
            int[] ids = d.engine().sourceTokenizer().encode(TextNormalizer.normalize(c.get("text").asText()));
            assertArrayEquals(ints(c.get("ids")), ids, c.get("text").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void batchedGreedyMatchesReferenceIdsAndAlignment(String pair) throws IOException {
        Direction d = direction(pair);
        List<List<Hypothesis>> out = d.translator().decodeIds(d.sources(), d.decoding().withBeam(1, 1));
        List<JsonNode> expected = d.sentences();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode greedy = expected.get(i).get("greedy");
            Hypothesis h = out.get(i).get(0);
            String where = pair + " sentence " + i;
            assertArrayEquals(ints(greedy.get("ids")), h.ids(), where);
            assertEquals(greedy.get("score").asDouble(), h.score(), 1e-3, where);
            JsonNode alignment = greedy.get("alignment");
            assertEquals(alignment.size(), h.alignment().length, where);
            for (int t = 0; t < alignment.size(); t++) {
                assertEquals(alignment.get(t).size(), h.alignment()[t].length, where);
                for (int j = 0; j < alignment.get(t).size(); j++) {
                    assertEquals(alignment.get(t).get(j).asDouble(), h.alignment()[t][j], ALIGNMENT_TOLERANCE,
                            where + " step " + t + " source " + j);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void batchedBeamSearchMatchesReferenceHypothesesAndScores(String pair) throws IOException {
        Direction d = direction(pair);
        List<List<Hypothesis>> out = d.translator().decodeIds(d.sources(), d.decoding());
        List<JsonNode> expected = d.sentences();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode beams = expected.get(i).get("beam");
            List<Hypothesis> actual = out.get(i);
            String where = pair + " sentence " + i;
            assertEquals(beams.size(), actual.size(), where);
            for (int k = 0; k < beams.size(); k++) {
                assertArrayEquals(ints(beams.get(k).get("ids")), actual.get(k).ids(), where + " hypothesis " + k);
                assertEquals(beams.get(k).get("score").asDouble(), actual.get(k).score(), 1e-4, where + " hypothesis " + k);
            }
        }
    }
}
