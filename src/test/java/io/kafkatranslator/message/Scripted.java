package io.kafkatranslator.message;

import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.tokenize.SourceLexicon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Adaptations without a model: a unit adapted, then a scripted translation and alignment restored. */
final class Scripted {
    private Scripted() {
    }

    static UnitDraft draft(String text, List<ProtectedSpan> spans, boolean continues) {
        return new UnitDraft(text, Element.of(text, 0, text.length(), spans), continues);
    }

    static UnitDraft draft(String text) {
        return draft(text, List.of(), false);
    }

    /**
     * The unit's translation as a reader gets it: target word i aligned wholly with source column
     * alignedTo[i], the unit's adaptations undone in reverse.
     */
    static String restore(UnitDraft draft, List<String> words, int... alignedTo) {
        Unit unit = draft.toUnit(String.join(" ", draft.words()), new int[0]);
        List<UnitOutput.Token> tokens = new ArrayList<>();
        UnitOutput rows = new UnitOutput(unit.sourceWords().size(), List.of());
        for (int i = 0; i < words.size(); i++) {
            tokens.add(new UnitOutput.Token(words.get(i), true, rows.oneHot(alignedTo[i]), null));
        }
        UnitOutput out = new UnitOutput(unit.sourceWords().size(), tokens);
        for (int a = unit.adaptations().size() - 1; a >= 0; a--) {
            unit.adaptations().get(a).restore(out);
        }
        StringBuilder text = new StringBuilder();
        for (UnitOutput.Token t : out.finished()) {
            text.append(t.spaceBefore() && !text.isEmpty() ? " " : "").append(t.text());
        }
        return text.toString();
    }

    /** A source lexicon of these words (each seen 100 times), as the training pipeline writes one. */
    static SourceLexicon lexicon(Path dir, String... words) {
        List<String> lines = new ArrayList<>();
        for (String w : words) {
            lines.add("w\t" + w + "\t100");
        }
        try {
            return SourceLexicon.read(Files.write(dir.resolve("source.lexicon.tsv"), lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
