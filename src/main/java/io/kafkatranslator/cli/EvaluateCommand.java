package io.kafkatranslator.cli;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.evaluation.Bleu;
import io.kafkatranslator.evaluation.Chrf;
import io.kafkatranslator.evaluation.RobustnessReport;
import io.kafkatranslator.bench.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Translates a test set and scores it with sacreBLEU's BLEU and chrF2 against all its references;
 * with --suite robustness, writes the robustness report (docs/robustness.md) instead.
 */
final class EvaluateCommand {
    private final TranslatorConfig config;
    private final Path src;
    private final Path refs;
    private final DecodingOptions options;
    private final boolean robustness;
    private final Path mtnt;
    private final Path out;
    private final List<String> argv;

    EvaluateCommand(TranslatorConfig config, List<String> argv) {
        Args args = new Args(argv, Set.of("--src", "--refs", "--beam", "--suite", "--mtnt", "--out"), Set.of());
        this.config = config;
        this.argv = argv;
        this.src = Path.of(args.required("--src"));
        this.refs = Path.of(args.required("--refs"));
        String suite = args.get("--suite", "quality");
        if (!suite.equals("quality") && !suite.equals("robustness")) {
            throw new Args.UsageException("--suite is quality or robustness");
        }
        this.robustness = suite.equals("robustness");
        this.mtnt = args.get("--mtnt", null) == null ? null : Path.of(args.get("--mtnt", null));
        this.out = Path.of(args.get("--out", "docs/robustness.md"));
        int beam = args.getInt("--beam", config.decoding().beamSize());
        this.options = config.decoding().withBeam(beam, 1);
    }

    int run() throws IOException {
        List<String> sources = Files.readAllLines(src, StandardCharsets.UTF_8);
        List<List<String>> references = readReferences(refs);
        if (sources.size() != references.size()) {
            throw new IllegalArgumentException(src + " has " + sources.size() + " lines but " + refs + " has "
                    + references.size());
        }
        try (TranslationEngine engine = TranslationEngine.load(config); MessageTranslator translator = engine.newTranslator()) {
            if (robustness) {
                String command = "java -jar target/kafka-translator.jar evaluate " + String.join(" ", argv);
                Report.publish(new RobustnessReport(translator, options).build(command, sources, references, mtnt), out);
                return 0;
            }
            long start = System.nanoTime();
            List<TranslationOutcome> outcomes = translator.translate(sources, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> hypotheses = new ArrayList<>();
            int failed = 0;
            for (TranslationOutcome outcome : outcomes) {
                if (outcome instanceof Translation t) {
                    hypotheses.add(t.text());
                } else {
                    hypotheses.add("");
                    failed++;
                }
            }
            System.out.printf("model: %s %s, decoding: %s%n", engine.manifest().name(), engine.manifest().version(),
                    options.greedy() ? "greedy" : "beam " + options.beamSize() + ", alpha " + options.lengthPenalty());
            System.out.printf("sentences: %d (untranslatable: %d)%n", sources.size(), failed);
            System.out.printf("BLEU = %.2f%n", Bleu.corpus(hypotheses, references));
            System.out.printf("chrF2 = %.2f%n", Chrf.corpus(hypotheses, references));
            System.out.printf("sentences/s = %.1f%n", sources.size() / seconds);
            return 0;
        }
    }

    static List<List<String>> readReferences(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> Arrays.asList(line.split("\t", -1))).toList();
    }
}
