package io.kafkatranslator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.engine.Alignments;
import io.kafkatranslator.reason.UnsupportedPair;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.route.RoutedRequest;
import io.kafkatranslator.route.Routing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * stdin → stdout, one message a line, from --from (or, with auto, each line's detected language) to --to, by the
 * topology's own path ({@link Routing}), in order. Lines are read on their own thread; each batch
 * is whatever has arrived by the time the previous one is done (at most {@link #MAX_LINES}), so a
 * person typing gets every line back at once and a large file is translated in full batches.
 */
@Command(name = "translate", sortOptions = false, description = {"Messages on stdin, one a line, to their translations on "
        + "stdout, one a line, in order."})
final class TranslateCommand implements Callable<Integer> {
    private static final int MAX_LINES = 2048;
    /** Queued after the last line; compared by identity, so no input line can be mistaken for it. */
    private static final String EOF_MARK = new String("<end of input>");

    enum Format { text, json }

    @Mixin
    private ConfigOption configuration;

    @Mixin
    private LanguageOptions.Detectable languages;

    @Option(names = "--beam", paramLabel = "K", description = "beam size; 1 is greedy (default: translator.beam.size)")
    private Integer beam;

    @Mixin
    private FormalityOption formality;

    @Option(names = "--nbest", paramLabel = "N", description = "the N best translations of each line, each with its score (default: translator.nbest, at most K)")
    private Integer nbest;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = "--alignments", description = "text: the word links after each translation (source-target, Pharaoh)")
    private boolean alignments;

    @Option(names = "--heatmap", paramLabel = "FILE", description = "an alignment heatmap per line, FILE.png or FILE.svg")
    private String heatmap;

    private DecodingOptions options;
    /** Null for --from auto. */
    private String from;
    private String to;

    @Override
    public Integer call() throws Exception {
        TranslatorConfig config = configuration.translator();
        from = languages.sourceOrAuto();
        to = languages.target();
        int beamSize = beam == null ? config.decoding().beamSize() : beam;
        options = config.decoding().withBeam(beamSize, nbest == null ? Math.min(config.decoding().nbest(), beamSize) : nbest);
        Formality asked = formality.asked();
        if (asked != null) {
            options = options.withFormality(asked);
        }
        if (heatmap != null) {
            Path dir = Path.of(heatmap).toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--heatmap " + heatmap + ": the directory " + dir + " does not exist");
            }
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>(4 * MAX_LINES);
        Thread reader = new Thread(() -> readAll(lines), "stdin-reader");
        reader.setDaemon(true);
        reader.start();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        int failures = 0;
        int lineNumber = 0;
        // A fixed pair needs its model alone; --from auto, every model and the detector.
        boolean fixed = from != null && !from.equals(to);
        List<String> served = ModelDirectory.pairs(config.models(), config.cacheDir());
        if (fixed && !served.contains(from + "-" + to)) {
            throw new UsageException(UnsupportedPair.message(from, to, null, served));
        }
        try (TranslationModels models = fixed ? TranslationModels.load(config, new LanguagePair(from, to)) : TranslationModels.load(config);
             Routing routing = Routing.open(models)) {
            boolean more = true;
            while (more) {
                List<String> batch = new ArrayList<>();
                String first = lines.take();
                if (first == EOF_MARK) {
                    break;
                }
                batch.add(first);
                List<String> drained = new ArrayList<>();
                lines.drainTo(drained, MAX_LINES - 1);
                for (String line : drained) {
                    if (line == EOF_MARK) {
                        more = false;
                        break;
                    }
                    batch.add(line);
                }
                List<RoutedRequest> routed = batch.stream().map(line -> routing.route(from, to, line, options)).toList();
                List<TranslationOutcome> outcomes = routing.translate(routed);
                for (int i = 0; i < batch.size(); i++) {
                    lineNumber++;
                    TranslationOutcome outcome = outcomes.get(i);
                    if (outcome instanceof TranslationError error) {
                        failures++;
                        System.err.println("line " + lineNumber + ": " + error.code() + ": " + error.message());
                    }
                    if (format == Format.json) {
                        out.println(mapper.writeValueAsString(JsonView.of(batch.get(i), routed.get(i), outcome)));
                    } else {
                        printText(out, outcome);
                    }
                    if (heatmap != null && outcome instanceof Translation t) {
                        Heatmap.write(t, heatmapFile(lineNumber));
                    }
                }
                out.flush();
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void printText(PrintStream out, TranslationOutcome outcome) {
        if (!(outcome instanceof Translation t)) {
            out.println();
            return;
        }
        if (options.nbest() > 1) {
            for (Translation.NBestEntry entry : t.nbest()) {
                out.println(entry.text() + " ||| " + String.format("%.4f", entry.score()));
            }
            return;
        }
        out.println(alignments ? t.text() + " ||| " + Alignments.pharaoh(t.wordAlignment()) : t.text());
    }

    private Path heatmapFile(int lineNumber) {
        if (lineNumber == 1) {
            return Path.of(heatmap);
        }
        int dot = heatmap.lastIndexOf('.');
        return Path.of(heatmap.substring(0, dot) + "-" + lineNumber + heatmap.substring(dot));
    }

    private static void readAll(BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.put(line);
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("error reading stdin: " + e.getMessage());
        } finally {
            try {
                lines.put(EOF_MARK);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
