package io.kafkatranslator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.engine.Translator;
import io.kafkatranslator.runtime.DjlBackend;
import io.kafkatranslator.runtime.OrtBackend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Translates the same sentences with every configuration, side by side in one run: DJL + ONNX
 * Runtime (the product), the same decoding loop on ONNX Runtime's own Java API, and the Python
 * PyTorch reference decoder on the same weights. Prints a Markdown table and writes it to a file.
 */
public final class BenchCommand {
    private static final int[] BATCH_SIZES = {1, 8, 32, 64};
    private static final int TOKEN_BUDGET = 2048;

    private final TranslatorConfig config;
    private final Path src;
    private final int limit;
    private final Path out;
    private final Path checkpoint;

    public BenchCommand(TranslatorConfig config, Path src, int limit, Path out, Path checkpoint) {
        this.config = config;
        this.src = src;
        this.limit = limit;
        this.out = out;
        this.checkpoint = checkpoint;
    }

    private record Row(String system, String decoding, String batching, int sentences, double seconds,
                       long targetTokens, double flops) {
        double sentencesPerSecond() {
            return sentences / seconds;
        }
    }

    public int run() throws Exception {
        List<String> all = Report.sentences(src);
        List<String> sentences = all.subList(0, Math.min(limit, all.size()));
        List<Row> rows = new ArrayList<>();
        String modelName;
        String djlName;
        String ortName;
        FlopModel flopModel;
        CountingBackend[] djl = new CountingBackend[1];
        try (TranslationEngine engine = TranslationEngine.load(config,
                dir -> djl[0] = new CountingBackend(new DjlBackend(dir.dir(), config.intraOpThreads())))) {
            modelName = engine.manifest().name() + " " + engine.manifest().version();
            djlName = engine.backendName();
            flopModel = FlopModel.of(engine.manifest().architecture());
            rows.addAll(measure("DJL", engine, djl[0], sentences));
        }
        CountingBackend[] ort = new CountingBackend[1];
        try (TranslationEngine engine = TranslationEngine.load(config,
                dir -> ort[0] = new CountingBackend(new OrtBackend(dir.dir(), config.intraOpThreads())))) {
            ortName = engine.backendName();
            rows.addAll(measure("ORT direct", engine, ort[0], sentences));
        }
        long peakRss = peakResidentKb();
        List<JsonNode> python = runReference(sentences.size());
        String table = render(modelName, djlName, ortName, flopModel, rows, python, sentences.size(), peakRss);
        Report.publish(table, out);
        return 0;
    }

    private List<Row> measure(String system, TranslationEngine engine, CountingBackend counter, List<String> sentences) {
        List<Row> rows = new ArrayList<>();
        DecodingOptions base = config.decoding();
        for (DecodingOptions options : List.of(base.withBeam(1, 1), base.withBeam(5, 1))) {
            String decoding = options.greedy() ? "greedy" : "beam 5";
            for (int batch : BATCH_SIZES) {
                rows.add(run(system, decoding, "batch " + batch, engine.config().withBatching(batch * 200, batch),
                        engine, counter, sentences, options, batch));
            }
            rows.add(run(system, decoding, TOKEN_BUDGET + "-token budget", engine.config().withBatching(TOKEN_BUDGET, 256),
                    engine, counter, sentences, options, sentences.size()));
        }
        return rows;
    }

    private Row run(String system, String decoding, String batching, TranslatorConfig batchConfig, TranslationEngine engine,
                    CountingBackend counter, List<String> sentences, DecodingOptions options, int chunk) {
        try (Translator translator = engine.newTranslator(batchConfig)) {
            translator.translate(sentences.subList(0, Math.min(16, sentences.size())), options);
            counter.reset();
            long tokens = 0;
            long start = System.nanoTime();
            for (int i = 0; i < sentences.size(); i += chunk) {
                for (TranslationOutcome outcome : translator.translate(sentences.subList(i, Math.min(i + chunk, sentences.size())), options)) {
                    if (outcome instanceof Translation t) {
                        tokens += t.targetPieces().size();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Row row = new Row(system, decoding, batching, sentences.size(), seconds, tokens, FlopModel.of(engine.manifest().architecture()).flops(counter));
            System.err.printf(Locale.ROOT, "%-10s %-7s %-20s %8.1f sentences/s%n", system, decoding, batching, row.sentencesPerSecond());
            return row;
        }
    }

    private List<JsonNode> runReference(int count) {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isRegularFile(checkpoint)) {
            System.err.println("Python reference skipped: no checkpoint at " + checkpoint + " (training/pipeline.sh makes it)");
            return lines;
        }
        try {
            Path modelDir = io.kafkatranslator.model.ModelDirectory.open(config.modelDir(), config.cacheDir()).dir();
            Process p = new ProcessBuilder("/usr/bin/python3", "training/bench_reference.py", "--checkpoint",
                    checkpoint.toString(), "--source-model", modelDir.resolve("source.model").toString(),
                    "--src", src.toString(), "--limit", Integer.toString(count))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ObjectMapper mapper = new ObjectMapper();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode node = mapper.readTree(line);
                    lines.add(node);
                    System.err.println("python reference: " + line);
                }
            }
            if (p.waitFor() != 0) {
                System.err.println("Python reference failed (exit " + p.exitValue() + "); its rows are left out");
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("Python reference unavailable: " + e.getMessage());
        }
        return lines;
    }

    private static long peakResidentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private String render(String model, String djlName, String ortName, FlopModel flopModel, List<Row> rows,
                          List<JsonNode> python, int count, long peakRssKb) {
        double peak = python.isEmpty() ? Double.NaN : python.get(0).path("matmul_peak_gflops").asDouble(Double.NaN);
        List<Row> all = new ArrayList<>(rows);
        for (JsonNode n : python.subList(Math.min(1, python.size()), python.size())) {
            all.add(new Row("Python ref", n.get("decoding").asText().equals("greedy") ? "greedy" : "beam 5",
                    n.get("decoding").asText().equals("greedy") ? "batch " + n.get("batch").asInt() : "per sentence",
                    n.get("sentences").asInt(), n.get("seconds").asDouble(), n.get("target_tokens").asLong(), Double.NaN));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks\n\n");
        sb.append(String.format(Locale.ROOT, "Model %s; %d sentences of `%s`; %d CPU cores; %s; JVM %s. Measured %s with:%n%n"
                        + "    java -jar target/kafka-translator.jar bench --src %s --limit %d%n%n",
                model, count, src, Runtime.getRuntime().availableProcessors(), djlName, Runtime.version(), LocalDate.now(), src, count));
        sb.append("| system | decoding | batching | sentences/s | target tokens/s | GFLOP/s | % of matmul peak |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|\n");
        for (Row r : all) {
            double gflops = r.flops / r.seconds / 1e9;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.0f | %s | %s |%n", r.system, r.decoding, r.batching,
                    r.sentencesPerSecond(), r.targetTokens / r.seconds, Double.isNaN(gflops) ? "" : String.format(Locale.ROOT, "%.1f", gflops),
                    Double.isNaN(gflops) || Double.isNaN(peak) ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * gflops / peak)));
        }
        sb.append("\n");
        sb.append(summary(all, "DJL", "ORT direct", ortName, peak, flopModel, peakRssKb));
        return sb.toString();
    }

    private static String summary(List<Row> rows, String djl, String ort, String ortName, double peak, FlopModel f, long peakRssKb) {
        Function<String, List<Row>> of = system -> rows.stream().filter(r -> r.system.equals(system)).toList();
        StringBuilder sb = new StringBuilder("## Summary\n\n");
        double worstOverhead = 0;
        for (Row d : of.apply(djl)) {
            for (Row o : of.apply(ort)) {
                if (o.decoding.equals(d.decoding) && o.batching.equals(d.batching)) {
                    worstOverhead = Math.max(worstOverhead, o.sentencesPerSecond() / d.sentencesPerSecond() - 1);
                }
            }
        }
        double greedy1 = best(of.apply(djl), "greedy", "batch 1");
        double greedyBest = best(of.apply(djl), "greedy", null);
        double beamBest = best(of.apply(djl), "beam 5", null);
        double pythonBest = best(of.apply("Python ref"), "greedy", null);
        sb.append(String.format(Locale.ROOT, "- DJL's overhead against the same loop on %s: at most %.1f %% (target: within 10 %%).%n", ortName, 100 * worstOverhead));
        sb.append(String.format(Locale.ROOT, "- Batched greedy vs batch-1 greedy (DJL): %.1fx (target: >= 5x).%n", greedyBest / greedy1));
        sb.append(String.format(Locale.ROOT, "- Beam 5 vs greedy, best configuration of each (DJL): %.0f %% (target: >= 25 %%).%n", 100 * beamBest / greedyBest));
        if (!Double.isNaN(pythonBest)) {
            sb.append(String.format(Locale.ROOT, "- Engine vs Python PyTorch reference, greedy, best batch size of each: %.1fx (target: >= 3x).%n", greedyBest / pythonBest));
            sb.append(String.format(Locale.ROOT, "- Measured float32 matrix-multiply peak of this machine (2048x2048, PyTorch/OpenBLAS, all cores): %.1f GFLOP/s.%n", peak));
        } else {
            sb.append("- Python reference: not run (no training checkpoint or no PyTorch on this machine).\n");
        }
        sb.append(String.format(Locale.ROOT, "- FLOPs counted from the model sizes: %.2f MFLOP per encoder position, %.2f MFLOP per decoder row and step "
                        + "(+ %.3f MFLOP per source position for attention); padding included, as the engine computes it.%n",
                f.perEncoderPosition() / 1e6, f.perDecoderRow() / 1e6, f.perDecoderRowPosition() / 1e6));
        sb.append(String.format(Locale.ROOT, "- Peak resident memory of the JVM over the whole run (both backends loaded in turn): %d MB (target: <= 1 GB).%n", peakRssKb / 1024));
        return sb.toString();
    }

    private static double best(List<Row> rows, String decoding, String batching) {
        return rows.stream().filter(r -> r.decoding.equals(decoding) && (batching == null || r.batching.equals(batching)))
                .mapToDouble(Row::sentencesPerSecond).max().orElse(Double.NaN);
    }
}
