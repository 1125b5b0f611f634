package io.kafkatranslator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A measurement's Markdown table: printed, and written to the file that is committed with it. */
final class Report {
    private Report() {
    }

    static void publish(String markdown, Path file) throws IOException {
        System.out.print(markdown);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        System.err.println("written to " + file);
    }
}
