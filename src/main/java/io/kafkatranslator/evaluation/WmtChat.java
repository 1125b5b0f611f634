package io.kafkatranslator.evaluation;

import io.kafkatranslator.language.LanguagePair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WMT 2024 chat dev set (../shared/data/wmt24-chat-valid-en-fr/valid.tsv, evaluation only): its turns in order,
 * from the columns source_language, target_language, doc_id, sender, source, reference.
 */
public final class WmtChat {
    private WmtChat() {
    }

    public record Turn(String conversation, String sender, LanguagePair pair, String text, String reference) {
    }

    /** Every turn; IllegalArgumentException when the file holds none. */
    public static List<Turn> read(Path file) throws IOException {
        List<Turn> turns = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            if (c.length >= 6 && !c[0].equals("source_language")) {
                turns.add(new Turn(c[2], c[3], new LanguagePair(c[0], c[1]), c[4], c[5]));
            }
        }
        if (turns.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no turns (source_language, target_language, doc_id, sender, "
                    + "source, reference)");
        }
        return turns;
    }

    /** The turns written in one direction. */
    public static List<Turn> read(Path file, LanguagePair pair) throws IOException {
        return read(file).stream().filter(t -> t.pair().equals(pair)).toList();
    }
}
