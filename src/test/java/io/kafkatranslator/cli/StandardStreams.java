package io.kafkatranslator.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** A command run as from a terminal: what it prints, or what it reads. */
final class StandardStreams {
    private StandardStreams() {
    }

    /** The lines the command printed on stdout. */
    static List<String> stdout(Callable<?> command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            command.call();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The command's result, with text on its stdin. */
    static <T> T withStdin(String text, Callable<T> command) throws Exception {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.call();
        } finally {
            System.setIn(original);
        }
    }
}
