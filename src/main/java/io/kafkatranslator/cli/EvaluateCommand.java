package io.kafkatranslator.cli;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.evaluation.AlignmentReport;
import io.kafkatranslator.evaluation.AlignmentTestSet;
import io.kafkatranslator.evaluation.Bleu;
import io.kafkatranslator.evaluation.Chrf;
import io.kafkatranslator.evaluation.DetectionReport;
import io.kafkatranslator.evaluation.RobustnessReport;
import io.kafkatranslator.bench.Report;
import io.kafkatranslator.language.LanguagePair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a test set and scores it with sacreBLEU's BLEU and chrF2 against all its references;
 * with --suite robustness, writes the robustness report (docs/robustness.md) instead; with --suite
 * alignment, the attention's alignment error rate against hand alignments (docs/alignment.md); with
 * --suite detection, how well the source language is detected (docs/detection.md).
 */
final class EvaluateCommand {
    private static final String HANSARDS = "../shared/data/hansards-align-trial/";

    private final TranslatorConfig config;
    private final String suite;
    private final Path src;
    private final Path refs;
    private final Path tgt;
    private final Path gold;
    private final DecodingOptions options;
    private final Path mtnt;
    private final Path out;
    private final List<String> argv;
    private final LanguagePair direction;

    EvaluateCommand(TranslatorConfig config, List<String> argv) {
        Args args = new Args(argv, Set.of("--src", "--refs", "--tgt", "--gold", "--beam", "--suite", "--mtnt", "--out",
                "--from", "--to"), Set.of());
        this.config = config;
        this.direction = args.pair();
        this.argv = argv;
        this.suite = args.get("--suite", "quality");
        if (!List.of("quality", "robustness", "alignment", "detection").contains(suite)) {
            throw new Args.UsageException("--suite is quality, robustness, alignment or detection");
        }
        boolean alignment = suite.equals("alignment");
        for (String option : alignment ? List.of("--refs", "--beam", "--mtnt") : List.of("--tgt", "--gold")) {
            if (args.get(option, null) != null) {
                throw new Args.UsageException(option + " does not apply to --suite " + suite);
            }
        }
        this.src = Path.of(alignment ? args.get("--src", HANSARDS + "trial.f") : args.required("--src"));
        this.refs = alignment ? null : Path.of(args.required("--refs"));
        this.tgt = Path.of(args.get("--tgt", HANSARDS + "trial.e"));
        this.gold = Path.of(args.get("--gold", HANSARDS + "trial.wa.nonullalign"));
        this.mtnt = args.get("--mtnt", null) == null ? null : Path.of(args.get("--mtnt", null));
        this.out = Path.of(args.get("--out", alignment ? "docs/alignment.md"
                : suite.equals("detection") ? "docs/detection.md" : "docs/robustness.md"));
        int beam = args.getInt("--beam", config.decoding().beamSize());
        this.options = config.decoding().withBeam(beam, 1);
    }

    int run() throws IOException {
        if (suite.equals("alignment")) {
            return alignment();
        }
        List<String> sources = Files.readAllLines(src, StandardCharsets.UTF_8);
        List<List<String>> references = readReferences(refs);
        if (sources.size() != references.size()) {
            throw new IllegalArgumentException(src + " has " + sources.size() + " lines but " + refs + " has "
                    + references.size());
        }
        if (suite.equals("detection")) {
            Map<String, List<String>> known = new LinkedHashMap<>();
            known.put(direction.source(), sources);
            known.put(direction.target(), references.stream().map(r -> r.get(0)).toList());
            Report.publish(DetectionReport.build(command(), known, List.of(direction.source(), direction.target())), out);
            return 0;
        }
        try (TranslationEngine engine = TranslationEngine.load(config, direction); MessageTranslator translator = engine.newTranslator()) {
            if (suite.equals("robustness")) {
                Report.publish(new RobustnessReport(translator, options).build(command(), sources, references, mtnt), out);
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

    private int alignment() throws IOException {
        for (Path p : List.of(src, tgt, gold)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": no such file (the Hansards trial set: " + HANSARDS + ")");
            }
        }
        AlignmentTestSet set = AlignmentTestSet.read(src, tgt, gold);
        try (TranslationModels models = TranslationModels.load(config)) {
            TranslationEngine engine = models.find(direction);
            if (engine == null) {
                throw new Args.UsageException("no model translates " + direction + "; the models serve " + models.pairs());
            }
            TranslationEngine other = models.find(new LanguagePair(direction.target(), direction.source()));
            try (MessageTranslator translator = engine.newTranslator();
                 MessageTranslator reverse = other == null ? null : other.newTranslator()) {
                String model = engine.manifest().name() + " " + engine.manifest().version()
                        + (other == null ? "" : " (other direction: " + other.manifest().name() + " " + other.manifest().version() + ")");
                Report.publish(new AlignmentReport(translator, reverse).build(model, command(), set), out);
            }
        }
        return 0;
    }

    private String command() {
        return "java -jar target/kafka-translator.jar evaluate " + String.join(" ", argv);
    }

    static List<List<String>> readReferences(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> Arrays.asList(line.split("\t", -1))).toList();
    }
}
