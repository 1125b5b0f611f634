package io.kafkatranslator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A measurement's Markdown table: printed, and written to the file that is committed with it. */
public final class Report {
    private Report() {
    }

    /** The sentences a measurement runs on; the test split is made from the corpus in seconds. */
    public static List<String> sentences(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist. The test split is made with:\n"
                    + "  /usr/bin/python3 training/prepare.py --corpus ../shared/data/tatoeba-fra-eng/fra-eng.tsv --out training/work/data");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The chat-like sentences of a file: those of 12 words or fewer. */
    public static List<String> chatSentences(Path file) throws IOException {
        return sentences(file).stream().filter(s -> !s.isBlank() && s.split(" ").length <= 12).toList();
    }

    public static void publish(String markdown, Path file) throws IOException {
        System.out.print(markdown);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        System.err.println("written to " + file);
    }
}
