package io.kafkatranslator.cli;

import io.kafkatranslator.bench.Report;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.ForcedAlignment;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.evaluation.Aer;
import io.kafkatranslator.evaluation.AlignmentTestSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well the attention matches human word alignments: the model is forced through the gold
 * English of each hand-aligned pair, each English word is linked to the French word it attended to
 * most, and the links are scored by alignment error rate against the gold sure and possible links,
 * beside the baseline that links each word to the same relative position in the other sentence.
 */
final class AlignCommand {
    private static final String DIR = "../shared/data/hansards-align-trial/";

    private final TranslatorConfig config;
    private final Path french;
    private final Path english;
    private final Path links;
    private final Path out;
    private final List<String> argv;

    AlignCommand(TranslatorConfig config, List<String> argv) {
        Args args = new Args(argv, Set.of("--src", "--tgt", "--gold", "--out"), Set.of());
        this.config = config;
        this.argv = argv;
        this.french = Path.of(args.get("--src", DIR + "trial.f"));
        this.english = Path.of(args.get("--tgt", DIR + "trial.e"));
        this.links = Path.of(args.get("--gold", DIR + "trial.wa.nonullalign"));
        this.out = Path.of(args.get("--out", "docs/alignment.md"));
    }

    int run() throws IOException {
        for (Path p : List.of(french, english, links)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + " does not exist (the Hansards trial set: " + DIR + ")");
            }
        }
        AlignmentTestSet set = AlignmentTestSet.read(french, english, links);
        Aer model = new Aer();
        Aer diagonal = new Aer();
        int skipped = 0;
        try (TranslationEngine engine = TranslationEngine.load(config); MessageTranslator translator = engine.newTranslator()) {
            for (int s = 0; s < set.pairs().size(); s++) {
                AlignmentTestSet.Pair pair = set.pairs().get(s);
                diagonal.add(diagonal(pair), set.gold().get(s));
                ForcedAlignment a;
                try {
                    a = translator.forceAlign(pair.french(), pair.english());
                } catch (IllegalArgumentException e) {
                    skipped++;
                    continue;
                }
                if (a.sourceWords().size() != pair.frenchPositions().size() || a.targetWords().size() != pair.englishPositions().size()) {
                    skipped++;
                    continue;
                }
                model.add(strongest(a, pair), set.gold().get(s));
            }
            Report.publish(render(engine.manifest().name() + " " + engine.manifest().version(), set.pairs().size(), skipped,
                    model, diagonal), out);
        }
        return 0;
    }

    /** Each English word linked to the French word it attended to most, mapped back to gold token positions. */
    private static Set<Integer> strongest(ForcedAlignment a, AlignmentTestSet.Pair pair) {
        Set<Integer> links = new HashSet<>();
        for (int i = 0; i < a.weights().length; i++) {
            int best = 0;
            for (int j = 1; j < a.weights()[i].length; j++) {
                if (a.weights()[i][j] > a.weights()[i][best]) {
                    best = j;
                }
            }
            for (int e : pair.englishPositions().get(i)) {
                for (int f : pair.frenchPositions().get(best)) {
                    links.add(AlignmentTestSet.key(e, f));
                }
            }
        }
        return links;
    }

    /** Each English token linked to the French token at the same relative position. */
    private static Set<Integer> diagonal(AlignmentTestSet.Pair pair) {
        Set<Integer> links = new HashSet<>();
        for (int e = 0; e < pair.englishTokens(); e++) {
            int f = Math.min(pair.frenchTokens() - 1, (int) Math.floor((e + 0.5) * pair.frenchTokens() / pair.englishTokens()));
            links.add(AlignmentTestSet.key(e, f));
        }
        return links;
    }

    private String render(String model, int pairs, int skipped, Aer aer, Aer diagonal) {
        StringBuilder md = new StringBuilder("# Alignments against human word alignments\n\n");
        md.append(String.format(Locale.ROOT, "%s, model %s, %d hand-aligned English–French Hansards sentence pairs "
                + "(HLT-NAACL 2003 trial set; evaluation only), %d skipped. Reproduce with:%n%n"
                + "    java -jar target/kafka-translator.jar align%s%n%n", LocalDate.now(), model, pairs, skipped,
                argv.isEmpty() ? "" : " " + String.join(" ", argv)));
        md.append("The model is forced through the gold English (its target side) of each pair; each English word is "
                + "linked to the French word it attended to most (the attention's strongest link, end of sentence left out). "
                + "Gold sentences are lower-cased and tokenised with French contractions split: they are given to the model "
                + "re-contracted (\"de le\" → \"du\", \"de une\" → \"d'une\"), detokenised and with the first letter raised, and "
                + "a link to a word counts for every gold token it stands for. AER = 1 − (|A∩S| + |A∩P|) / (|A| + |S|).\n\n");
        md.append("| links | AER | precision | recall |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| attention, strongest link per English word | %.1f %% | %.1f %% | %.1f %% |%n",
                100 * aer.aer(), 100 * aer.precision(), 100 * aer.recall()));
        md.append(String.format(Locale.ROOT, "| baseline: same relative position | %.1f %% | %.1f %% | %.1f %% |%n",
                100 * diagonal.aer(), 100 * diagonal.precision(), 100 * diagonal.recall()));
        return md.toString();
    }
}
