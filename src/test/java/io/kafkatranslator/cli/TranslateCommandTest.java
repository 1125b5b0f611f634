package io.kafkatranslator.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslateCommandTest {

    private static List<String> translate(String stdin, String... args) {
        PrintStream stdout = System.out;
        InputStream in = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] argv = new String[args.length + 1];
            argv[0] = "translate";
            System.arraycopy(args, 0, argv, 1, args.length);
            assertEquals(0, Main.run(argv));
        } finally {
            System.setOut(stdout);
            System.setIn(in);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void autoSendsEachLineToTheModelOfItsLanguageAndReturnsTheRestAsItIs() {
        List<String> out = translate("Je suis étudiant et j'aime beaucoup ce livre.\nI am a student and I like this book a lot.\nlol\n",
                "--from", "auto", "--to", "fr");
        assertEquals(3, out.size(), String.join("\n", out));
        assertEquals("Je suis étudiant et j'aime beaucoup ce livre.", out.get(0), "already French: unchanged");
        assertTrue(out.get(1).startsWith("Je suis étudiant"), "English to French: " + out.get(1));
        assertEquals("lol", out.get(2), "not guessed");
        assertEquals(List.of("I'm a student."), translate("Je suis étudiant.\n", "--from", "fr", "--to", "en"));
    }
}
