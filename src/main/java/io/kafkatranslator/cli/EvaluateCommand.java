package io.kafkatranslator.cli;

import io.kafkatranslator.bench.Report;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.evaluation.AlignmentReport;
import io.kafkatranslator.evaluation.AlignmentTestSet;
import io.kafkatranslator.evaluation.Bleu;
import io.kafkatranslator.evaluation.Chrf;
import io.kafkatranslator.evaluation.ConversationReport;
import io.kafkatranslator.evaluation.GlossaryReport;
import io.kafkatranslator.evaluation.DetectionReport;
import io.kafkatranslator.evaluation.FormalityReport;
import io.kafkatranslator.evaluation.RobustnessReport;
import io.kafkatranslator.evaluation.WmtChat;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.reason.UnsupportedPair;
import io.kafkatranslator.route.Routing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Translates a test set and scores it with sacreBLEU's BLEU and chrF2 against all its references;
 * with --suite robustness, writes the robustness report (docs/robustness.md) instead; with --suite
 * alignment, the reported alignments' error rate against hand alignments (docs/alignment.md); with
 * --suite detection, how well the source language is detected (docs/detection.md); with --suite
 * conversations, whether the turns of real conversations are routed the right way (docs/conversations.md); with
 * --suite glossary, how a glossary's terms are rendered in real chats (docs/glossary.md); with --suite formality, whether
 * English → French translations are in the register asked (docs/formality.md).
 */
@Command(name = "evaluate", sortOptions = false, description = {
        "Scores a model on a test set (the shipped chat sample by default), as --suite says.",
        "quality: BLEU and chrF2 (sacreBLEU's definitions, against all tab-separated references of a line), sentences/s.",
        "robustness: chat-style variants of the set (and MTNT's forum comments), the model alone vs the message pipeline.",
        "detection: how often the sources and first references are detected right, wrong or not at all.",
        "conversations: whether the WMT chat dev set's turns (--wmt) go the right way, alone and with each sender's language remembered.",
        "glossary: how the WMT chat dev set's turns (--wmt) render the terms of a glossary (--glossary), both directions.",
        "formality: English to French with formality auto, formal and informal: the register of each output, BLEU, chrF2 (--src/--refs: the sentences that say \"you\"; --wmt).",
        "alignment: the reported alignments' (and the attention's) error rate against hand word alignments (the Hansards trial set by default)."})
final class EvaluateCommand implements Callable<Integer> {
    private static final String HANSARDS = "../shared/data/hansards-align-trial/";

    enum Suite { quality, robustness, alignment, detection, conversations, glossary, formality }

    @Mixin
    private ConfigOption configuration;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "quality", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Suite suite;

    @Option(names = "--src", paramLabel = "FILE", description = "sources, one a line (default: the shipped chat sample; alignment: the Hansards' French)")
    private Path src;

    @Option(names = "--refs", paramLabel = "FILE.tsv", description = "references, tab-separated, one line per source (not for alignment)")
    private Path refs;

    @Option(names = "--tgt", paramLabel = "FILE", description = "alignment: the translations, one a line (the Hansards' English)")
    private Path tgt;

    @Option(names = "--gold", paramLabel = "FILE", description = "alignment: the hand links (the Hansards' trial.wa.nonullalign)")
    private Path gold;

    @Mixin
    private LanguageOptions.Fixed languages;

    @Option(names = "--beam", paramLabel = "K", description = "beam size (default: translator.beam.size; not for alignment)")
    private Integer beam;

    @Option(names = "--mtnt", paramLabel = "FILE.tsv", description = "robustness: MTNT's forum comments as well (not for alignment)")
    private Path mtnt;

    @Option(names = "--wmt", paramLabel = "FILE.tsv", description = "robustness: the WMT 2024 chat dev set's turns in this direction as well (not for alignment); conversations: the set")
    private Path wmt;

    @Option(names = "--glossary", paramLabel = "FILE.jsonl", description = "glossary: its terms, as `glossary put` reads them")
    private Path glossary;

    @Option(names = "--out", paramLabel = "FILE", description = "the report (default: target/robustness.md, target/detection.md or target/alignment.md; docs/ holds the published ones)")
    private Path out;

    @Spec
    private CommandSpec spec;

    private int conversations() throws IOException {
        if (wmt == null || src != null || refs != null || mtnt != null) {
            throw new UsageException("--suite conversations reads --wmt FILE.tsv (the WMT 2024 chat dev set) and nothing else");
        }
        java.util.Set<LanguagePair> pairs = java.util.Set.of(direction, new LanguagePair(direction.target(), direction.source()));
        LanguageDetector detector = new LanguageDetector(LanguageRouter.languages(pairs), config.detectionMargin());
        Report.publish(new ConversationReport(margin -> new LanguageRouter(pairs, detector, margin), config.senderMargin())
                .build(command(), wmt), out != null ? out : Path.of("target/conversations.md"));
        return 0;
    }

    private int glossary() throws IOException {
        if (wmt == null || glossary == null || src != null || refs != null || mtnt != null) {
            throw new UsageException("--suite glossary reads --wmt FILE.tsv (the WMT 2024 chat dev set) and --glossary FILE.jsonl "
                    + "and nothing else");
        }
        try (TranslationModels models = TranslationModels.load(config); Routing routing = Routing.open(models)) {
            Report.publish(new GlossaryReport(routing, options).build(command(), wmt, glossary),
                    out != null ? out : Path.of("target/glossary.md"));
        }
        return 0;
    }

    private int formality() throws IOException {
        if ((src == null) != (refs == null) || (src == null && wmt == null) || mtnt != null) {
            throw new UsageException("--suite formality reads --src FILE with --refs FILE.tsv, --wmt FILE.tsv, or both");
        }
        if (!direction.target().equals("fr")) {
            throw new UsageException("--suite formality needs French as the target (--to fr): it measures tu and vous");
        }
        List<FormalityReport.TestSet> sets = new ArrayList<>();
        if (src != null) {
            sets.add(new FormalityReport.TestSet(src.toString(), Files.readAllLines(src, StandardCharsets.UTF_8),
                    readReferences(refs)).addressing());
        }
        List<WmtChat.Turn> conversation = wmt == null ? null : WmtChat.read(wmt);
        if (wmt != null) {
            List<WmtChat.Turn> turns = conversation.stream().filter(t -> t.pair().equals(direction)).toList();
            sets.add(new FormalityReport.TestSet("WMT 2024 chat dev set, " + direction,
                    turns.stream().map(WmtChat.Turn::text).toList(), turns.stream().map(t -> List.of(t.reference())).toList()));
        }
        try (TranslationModels models = TranslationModels.load(config); Routing routing = Routing.open(models)) {
            Report.publish(new FormalityReport(routing, options, direction).build(command(), sets, conversation),
                    out != null ? out : Path.of("target/formality.md"));
        }
        return 0;
    }

    private TranslatorConfig config;
    private DecodingOptions options;
    private LanguagePair direction;

    @Override
    public Integer call() throws IOException {
        config = configuration.translator();
        direction = languages.pair();
        boolean alignment = suite == Suite.alignment;
        Map<String, Object> misplaced = new LinkedHashMap<>();
        if (alignment) {
            misplaced.put("--refs", refs);
            misplaced.put("--beam", beam);
            misplaced.put("--mtnt", mtnt);
            misplaced.put("--wmt", wmt);
        } else {
            misplaced.put("--tgt", tgt);
            misplaced.put("--gold", gold);
        }
        if (suite != Suite.glossary) {
            misplaced.put("--glossary", glossary);
        }
        misplaced.forEach((option, value) -> {
            if (value != null) {
                throw new UsageException(option + " does not apply to --suite " + suite);
            }
        });
        if (suite == Suite.conversations) {
            return conversations();
        }
        if (suite == Suite.glossary || suite == Suite.formality) {
            options = config.decoding().withBeam(beam == null ? config.decoding().beamSize() : beam, 1);
            return suite == Suite.glossary ? glossary() : formality();
        }
        if (alignment) {
            src = src == null ? Path.of(HANSARDS + "trial.f") : src;
            tgt = tgt == null ? Path.of(HANSARDS + "trial.e") : tgt;
            gold = gold == null ? Path.of(HANSARDS + "trial.wa.nonullalign") : gold;
        } else if (src == null && refs == null) {
            src = Sample.sources(direction);
            refs = Sample.references(direction);
        } else if (src == null || refs == null) {
            throw new UsageException("--src and --refs go together (neither: the shipped sample)");
        }
        out = out != null ? out : Path.of(switch (suite) {
            case alignment -> "target/alignment.md";
            case detection -> "target/detection.md";
            default -> "target/robustness.md";
        });
        options = config.decoding().withBeam(beam == null ? config.decoding().beamSize() : beam, 1);
        if (alignment) {
            return alignment();
        }
        List<String> sources = Files.readAllLines(src, StandardCharsets.UTF_8);
        List<List<String>> references = readReferences(refs);
        if (sources.size() != references.size()) {
            throw new IllegalArgumentException(src + " has " + sources.size() + " lines but " + refs + " has "
                    + references.size());
        }
        if (suite == Suite.detection) {
            Map<String, List<String>> known = new LinkedHashMap<>();
            known.put(direction.source(), sources);
            known.put(direction.target(), references.stream().map(r -> r.get(0)).toList());
            Report.publish(DetectionReport.build(command(), known, List.of(direction.source(), direction.target())), out);
            return 0;
        }
        if (suite == Suite.robustness) {
            try (TranslationEngine engine = TranslationEngine.load(config, direction); MessageTranslator translator = engine.newTranslator()) {
                Report.publish(new RobustnessReport(translator, options, direction).build(command(), sources, references, mtnt, wmt), out);
            }
            return 0;
        }
        try (TranslationModels models = TranslationModels.load(config, direction); Routing routing = Routing.open(models)) {
            TranslationEngine engine = models.find(direction);
            long start = System.nanoTime();
            List<TranslationOutcome> outcomes = routing.translate(sources.stream()
                    .map(line -> routing.route(direction.source(), direction.target(), line, options)).toList());
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
                throw new UsageException(UnsupportedPair.message(direction.source(), direction.target(), null, models.pairs()));
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
        return "java -jar target/kafka-translator.jar " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    static List<List<String>> readReferences(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> Arrays.asList(line.split("\t", -1))).toList();
    }
}
