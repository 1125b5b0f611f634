package io.kafkatranslator.engine;

import io.kafkatranslator.language.LanguagePair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.tokenize.TextNormalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java engine reproduces the Python reference decoder (training/reference.py) on the shipped
 * model: the fixtures hold 50 test sentences decoded there; here all 50 go through one padded batch.
 */
class ParityTest {
    private static final double ATTENTION_TOLERANCE = 1e-4;
    private static TranslationEngine engine;
    private static MessageTranslator translator;
    private static JsonNode fixtures;
    private static DecodingOptions decoding;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ParityTest.class.getResourceAsStream("/parity/fr-en.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
        JsonNode d = fixtures.get("decoding");
        decoding = new DecodingOptions(d.get("beam_size").asInt(), d.get("beam_size").asInt(),
                d.get("length_penalty_alpha").asDouble(), 0.0, d.get("max_length_a").asDouble(),
                d.get("max_length_b").asDouble(), false, true);
        engine = TranslationEngine.load(TranslatorConfig.defaults(), new LanguagePair("fr", "en"));
        translator = engine.newTranslator();
    }

    @AfterAll
    static void close() {
        translator.close();
        engine.close();
    }

    private static List<JsonNode> sentences() {
        return StreamSupport.stream(fixtures.get("sentences").spliterator(), false).toList();
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    private static int[][] sources() {
        return sentences().stream().map(s -> ints(s.get("source_ids"))).toArray(int[][]::new);
    }

    @Test
    void normalizationAndTokenizerGiveTheReferenceSourceIds() {
        for (JsonNode c : fixtures.get("tokenizer_cases")) {
            int[] ids = engine.sourceTokenizer().encode(TextNormalizer.normalize(c.get("text").asText()));
            assertArrayEquals(ints(c.get("ids")), ids, c.get("text").asText());
        }
    }

    @Test
    void batchedGreedyMatchesReferenceIdsAndAttention() {
        List<List<Hypothesis>> out = translator.decodeIds(sources(), decoding.withBeam(1, 1));
        List<JsonNode> expected = sentences();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode greedy = expected.get(i).get("greedy");
            Hypothesis h = out.get(i).get(0);
            String where = "sentence " + i;
            assertArrayEquals(ints(greedy.get("ids")), h.ids(), where);
            assertEquals(greedy.get("score").asDouble(), h.score(), 1e-3, where);
            JsonNode attention = greedy.get("attention");
            assertEquals(attention.size(), h.attention().length, where);
            for (int t = 0; t < attention.size(); t++) {
                assertEquals(attention.get(t).size(), h.attention()[t].length, where);
                for (int j = 0; j < attention.get(t).size(); j++) {
                    assertEquals(attention.get(t).get(j).asDouble(), h.attention()[t][j], ATTENTION_TOLERANCE,
                            where + " step " + t + " source " + j);
                }
            }
        }
    }

    @Test
    void batchedBeamSearchMatchesReferenceHypothesesAndScores() {
        List<List<Hypothesis>> out = translator.decodeIds(sources(), decoding);
        List<JsonNode> expected = sentences();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode beams = expected.get(i).get("beam");
            List<Hypothesis> actual = out.get(i);
            String where = "sentence " + i;
            assertEquals(beams.size(), actual.size(), where);
            for (int k = 0; k < beams.size(); k++) {
                assertArrayEquals(ints(beams.get(k).get("ids")), actual.get(k).ids(), where + " hypothesis " + k);
                assertEquals(beams.get(k).get("score").asDouble(), actual.get(k).score(), 1e-4, where + " hypothesis " + k);
            }
        }
    }
}
