package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.ForcedAlignment;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.language.LanguagePair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Forces the model through given translations and prints, one line per pair, its alignment (the
 * alignment layer's where the model has one): Pharaoh links over whitespace words (source first,
 * 0-based), or with --format json the soft
 * word matrix and the translation's log-probability (so it also scores existing translations).
 * A pair the model cannot align gets an empty line (JSON: an error), so lines stay in step.
 */
@Command(name = "align", sortOptions = false, description = {"The model forced through given translations: one line of "
        + "links (source-target words) per pair; json: the word matrix and the translation's log-probability."})
final class AlignCommand implements Callable<Integer> {
    enum Format { pharaoh, json }

    @Mixin
    private ConfigOption configuration;

    @Option(names = "--src", paramLabel = "FILE", description = "sources, one a line (with --tgt)")
    private Path src;

    @Option(names = "--tgt", paramLabel = "FILE", description = "their translations, one a line")
    private Path tgt;

    @Option(names = "--pairs", paramLabel = "FILE.tsv", description = "or both: source<TAB>translation, one pair a line")
    private Path tsv;

    @Mixin
    private LanguageOptions.Fixed languages;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pharaoh", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Format format;

    @Override
    public Integer call() throws IOException {
        TranslatorConfig config = configuration.translator();
        LanguagePair direction = languages.pair();
        if (tsv != null ? src != null || tgt != null : src == null || tgt == null) {
            throw new UsageException("give either --pairs FILE.tsv or --src FILE --tgt FILE");
        }
        List<String[]> pairs = tsv != null ? readPairs(tsv) : zip(src, tgt);
        boolean json = format == Format.json;
        ObjectMapper mapper = new ObjectMapper();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int failed = 0;
        try (TranslationEngine engine = TranslationEngine.load(config, direction); MessageTranslator translator = engine.newTranslator()) {
            for (int n = 0; n < pairs.size(); n++) {
                String[] pair = pairs.get(n);
                try {
                    ForcedAlignment a = translator.forceAlign(pair[0], pair[1]);
                    out.println(json ? mapper.writeValueAsString(view(a)) : a.pharaoh());
                } catch (IllegalArgumentException e) {
                    failed++;
                    System.err.println("line " + (n + 1) + ": " + e.getMessage());
                    out.println(json ? mapper.writeValueAsString(Map.of("error", e.getMessage())) : "");
                }
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static Map<String, Object> view(ForcedAlignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_words", a.sourceWords());
        m.put("target_words", a.targetWords());
        m.put("word_alignment", a.weights());
        m.put("links", a.pharaoh());
        m.put("log_prob", a.logProb());
        m.put("target_tokens", a.targetPieces());
        return m;
    }

    private static List<String[]> readPairs(Path tsv) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        List<String> lines = readLines(tsv);
        for (int n = 0; n < lines.size(); n++) {
            String[] fields = lines.get(n).split("\t", -1);
            if (fields.length != 2) {
                throw new IllegalArgumentException(tsv + " line " + (n + 1) + ": expected source<TAB>target");
            }
            pairs.add(fields);
        }
        return pairs;
    }

    private static List<String[]> zip(Path src, Path tgt) throws IOException {
        List<String> s = readLines(src);
        List<String> t = readLines(tgt);
        if (s.size() != t.size()) {
            throw new IllegalArgumentException(src + " has " + s.size() + " lines but " + tgt + " has " + t.size());
        }
        List<String[]> pairs = new ArrayList<>();
        for (int n = 0; n < s.size(); n++) {
            pairs.add(new String[] {s.get(n), t.get(n)});
        }
        return pairs;
    }

    private static List<String> readLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a file");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
