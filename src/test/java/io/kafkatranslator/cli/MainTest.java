package io.kafkatranslator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What is missing or wrong is named in one line that says what is wrong, never a stack trace. */
class MainTest {

    private static List<String> errors(String... argv) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Main.run(argv);
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("error: ")).toList();
    }

    @Test
    void fileErrorsNameTheFileAndWhatIsWrongWithIt(@TempDir Path dir) {
        assertEquals(List.of("error: --config " + dir + " is not a file (a properties file is expected)"),
                errors("translate", "--config", dir.toString()));
        assertEquals(List.of("error: --config " + dir.resolve("nope.properties") + ": no such file"),
                errors("translate", "--config", dir.resolve("nope.properties").toString()));
        assertEquals(List.of("error: " + dir.resolve("nope.src") + ": no such file or directory"),
                errors("evaluate", "--src", dir.resolve("nope.src").toString(), "--refs", dir.resolve("nope.tsv").toString()));
        assertEquals(List.of("error: --heatmap /no/dir/out.png: the directory /no/dir does not exist"),
                errors("translate", "--heatmap", "/no/dir/out.png"));
    }

    @Test
    void commandsThatTalkToKafkaNeedTheClusterNamed() {
        assertEquals(List.of("error: kafka.bootstrap.servers is not set (in --config FILE or KAFKA_BOOTSTRAP_SERVERS)"),
                errors("produce", "Je suis étudiant."));
    }

    @Test
    void optionsAreParsedByPicocliAndAnUnknownOneIsAnError() {
        assertEquals(List.of("error: Unknown options: '--beam_size', '1'"), errors("translate", "--beam_size", "1"));
        assertEquals(List.of("error: Invalid value for option '--beam': 'five' is not an int"), errors("translate", "--beam=five"));
        assertEquals(List.of("error: Invalid value for option '--format': expected one of [text, json] (case-sensitive) but was 'xml'"),
                errors("translate", "--format", "xml"));
    }
}
