package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignCommandTest {
    @TempDir
    Path dir;

    private List<String> align(String... args) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] argv = new String[args.length + 1];
            argv[0] = "align";
            System.arraycopy(args, 0, argv, 1, args.length);
            Main.run(argv);
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsOnePharaohLinePerPairLinkingWordsOneToOneAndKeepsLinesInStepWhenAPairCannotBeAligned() throws Exception {
        Path pairs = Files.writeString(dir.resolve("pairs.tsv"),
                "Je suis étudiant.\tI am a student.\n\tnothing to align\nIl fait froid.\tIt is cold.\n");
        List<String> lines = align("--pairs", pairs.toString());
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals("", lines.get(1));
        for (String line : List.of(lines.get(0), lines.get(2))) {
            List<int[]> links = java.util.Arrays.stream(line.split(" "))
                    .map(l -> java.util.Arrays.stream(l.split("-")).mapToInt(Integer::parseInt).toArray()).toList();
            assertEquals(links.size(), links.stream().map(l -> l[0]).distinct().count(), "each source word at most once: " + line);
            assertEquals(links.size(), links.stream().map(l -> l[1]).distinct().count(), "each target word at most once: " + line);
            assertTrue(links.stream().allMatch(l -> l[0] >= 0 && l[0] < 3 && l[1] >= 0 && l[1] < 4), line);
        }
        assertTrue(lines.get(0).contains("0-0") && lines.get(0).contains("2-3"), "Je - I, étudiant - student.: " + lines.get(0));
    }

    @Test
    void jsonScoresAnExistingTranslationAboveTheSameWordsScrambled() throws Exception {
        Path src = Files.writeString(dir.resolve("src.txt"), "Je suis étudiant.\nJe suis étudiant.\n");
        Path tgt = Files.writeString(dir.resolve("tgt.txt"), "I am a student.\nStudent a am I.\n");
        List<String> lines = align("--src", src.toString(), "--tgt", tgt.toString(), "--format", "json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode good = mapper.readTree(lines.get(0));
        JsonNode scrambled = mapper.readTree(lines.get(1));
        assertEquals(4, good.get("word_alignment").size(), "one row per target word");
        assertEquals(3, good.get("word_alignment").get(0).size(), "one column per source word");
        assertTrue(good.get("log_prob").asDouble() > scrambled.get("log_prob").asDouble() + 5, lines.toString());
    }
}
