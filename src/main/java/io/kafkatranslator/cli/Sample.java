package io.kafkatranslator.cli;

import io.kafkatranslator.language.LanguagePair;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The chat-like sample the jar carries (sample/chat.fr-en.tsv: short messages written for this
 * project, French and English), so that evaluate, bench, loadtest and scaletest run in a fresh
 * clone; written out under target/sample/ as the plain files those commands read. A smoke sample,
 * not a test set: the quality figures in docs/ come from the held-out splits and dev sets.
 */
final class Sample {
    static final String DIRECTORY = "target/sample";

    private Sample() {
    }

    /** The sample's sentences in the pair's source language, one a line. */
    static Path sources(LanguagePair pair) {
        return write(pair, "src", side(pair.source()));
    }

    /** Their references in the pair's target language, one a line. */
    static Path references(LanguagePair pair) {
        return write(pair, "refs.tsv", side(pair.target()));
    }

    /** The French sentences, for the commands that only send them. */
    static Path frenchSources() {
        return sources(new LanguagePair("fr", "en"));
    }

    private static int side(String language) {
        return switch (language) {
            case "fr" -> 0;
            case "en" -> 1;
            default -> throw new UsageException("the shipped sample is French and English; give --src and --refs for " + language);
        };
    }

    private static Path write(LanguagePair pair, String suffix, int column) {
        try (InputStream in = Sample.class.getResourceAsStream("/sample/chat.fr-en.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t")[column]).toList();
            Path file = Path.of(DIRECTORY, "chat." + pair.source() + "-" + pair.target() + "." + suffix);
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
