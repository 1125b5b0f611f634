package io.kafkatranslator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.engine.MessageTranslator;
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
public final class ThroughputBench {
    /** The direction whose Python checkpoint the benchmark compares against. */
    private static final LanguagePair PAIR = new LanguagePair("fr", "en");

    private static final int[] BATCH_SIZES = {1, 8, 32, 64};
    private static final int TOKEN_BUDGET = 2048;
    private static final int WARM_UP = 200;
    /** Runs of each configuration, alternating the backends; the best of each counts (CPU noise only slows a run down). */
    private static final int REPETITIONS = 3;

    private final TranslatorConfig config;
    private final Path src;
    private final int limit;
    private final Path out;
    private final Path checkpoint;

    public ThroughputBench(TranslatorConfig config, Path src, int limit, Path out, Path checkpoint) {
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
        CountingBackend[] ort = new CountingBackend[1];
        // DJL first: its ONNX Runtime engine must create the process's OrtEnvironment itself.
        try (TranslationEngine djlEngine = TranslationEngine.load(config, PAIR,
                     dir -> djl[0] = new CountingBackend(new DjlBackend(dir, config.intraOpThreads())));
             TranslationEngine ortEngine = TranslationEngine.load(config, PAIR,
                     dir -> ort[0] = new CountingBackend(new OrtBackend(dir, config.intraOpThreads())))) {
            modelName = djlEngine.manifest().name() + " " + djlEngine.manifest().version();
            djlName = djlEngine.backendName();
            ortName = ortEngine.backendName();
            flopModel = FlopModel.of(djlEngine.manifest().architecture());
            // Every configuration runs on both backends back to back, each after its own warm-up,
            // so that neither is measured on a colder JIT than the other.
            DecodingOptions base = config.decoding();
            for (DecodingOptions options : List.of(base.withBeam(1, 1), base.withBeam(5, 1))) {
                String decoding = options.greedy() ? "greedy" : "beam 5";
                for (int batch : BATCH_SIZES) {
                    TranslatorConfig batching = config.withBatching(batch * 200, batch);
                    Row[] best = new Row[2];
                    for (int rep = 0; rep < REPETITIONS; rep++) {
                        best[0] = faster(best[0], run("DJL", decoding, "batch " + batch, batching, djlEngine, djl[0], sentences, options, batch));
                        best[1] = faster(best[1], run("ORT direct", decoding, "batch " + batch, batching, ortEngine, ort[0], sentences, options, batch));
                    }
                    rows.addAll(List.of(best));
                }
                TranslatorConfig budget = config.withBatching(TOKEN_BUDGET, 256);
                String name = TOKEN_BUDGET + "-token budget";
                Row[] best = new Row[2];
                for (int rep = 0; rep < REPETITIONS; rep++) {
                    best[0] = faster(best[0], run("DJL", decoding, name, budget, djlEngine, djl[0], sentences, options, sentences.size()));
                    best[1] = faster(best[1], run("ORT direct", decoding, name, budget, ortEngine, ort[0], sentences, options, sentences.size()));
                }
                rows.addAll(List.of(best));
            }
        }
        long peakRss = peakResidentKb();
        List<JsonNode> python = runReference(sentences.size());
        String table = render(modelName, djlName, ortName, flopModel, rows, python, sentences.size(), peakRss);
        Report.publish(table, out);
        return 0;
    }

    public int runLoading() throws IOException, InterruptedException {
        Report.publish(loading(), out);
        return 0;
    }

    /**
     * Load time and memory of each shipped model alone and of all of them, each measured in a fresh
     * JVM (LoadingProbe), best of three.
     */
    private String loading() throws IOException, InterruptedException {
        List<ModelDirectory> shipped = ModelDirectory.openAll(List.of(), config.cacheDir());
        List<List<ModelDirectory>> sets = new ArrayList<>(shipped.stream().map(List::of).toList());
        if (shipped.size() > 1) {
            sets.add(shipped);
        }
        String jar = Path.of(ThroughputBench.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        StringBuilder sb = new StringBuilder("# Loading models\n\n");
        sb.append(String.format(Locale.ROOT, "Measured %s on %d CPU cores with `java -jar target/kafka-translator.jar bench "
                + "--suite loading`. Each set of shipped models is loaded in a fresh JVM (`LoadingProbe`, with `TRANSLATOR_MODELS` "
                + "naming them): from the start of loading (checksums verified, ONNX sessions, tokenizers, lexicons) to ready, "
                + "then one sentence translated by each, and the process's resident memory after it; best of 3.%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        sb.append("| models | on disk | load | first translation | resident memory |\n|---|---:|---:|---:|---:|\n");
        for (List<ModelDirectory> set : sets) {
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            for (int rep = 0; rep < 3; rep++) {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", jar, LoadingProbe.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("TRANSLATOR_MODELS", String.join(",", set.stream().map(m -> m.dir().toString()).toList()));
                pb.environment().put("TRANSLATOR_CACHE_DIR", config.cacheDir().toString());
                Process p = pb.start();
                String line = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                if (p.waitFor() != 0 || !line.startsWith("load_ms=")) {
                    throw new IOException("the loading probe failed: " + line);
                }
                String[] f = line.split(" ");
                for (int i = 0; i < 3; i++) {
                    best[i] = Math.min(best[i], Long.parseLong(f[i].split("=")[1]));
                }
            }
            long bytes = 0;
            for (ModelDirectory m : set) {
                for (String file : m.manifest().files().keySet()) {
                    bytes += Files.size(m.file(file));
                }
            }
            System.err.printf(Locale.ROOT, "loading %s: %d ms%n", names(set), best[0]);
            sb.append(String.format(Locale.ROOT, "| %s | %.1f MB | %d ms | %d ms | %d MB |%n", names(set), bytes / 1e6,
                    best[0], best[1], best[2] / 1024));
        }
        return sb.toString();
    }

    private static String names(List<ModelDirectory> set) {
        return String.join(" + ", set.stream().map(m -> m.manifest().languagePair() + " " + m.manifest().version()).toList());
    }

    private static Row faster(Row a, Row b) {
        return a == null || b.sentencesPerSecond() > a.sentencesPerSecond() ? b : a;
    }

    private Row run(String system, String decoding, String batching, TranslatorConfig batchConfig, TranslationEngine engine,
                    CountingBackend counter, List<String> sentences, DecodingOptions options, int chunk) {
        try (MessageTranslator translator = engine.newTranslator(batchConfig)) {
            translator.translate(sentences.subList(0, Math.min(WARM_UP, sentences.size())), options);
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
            Path modelDir = ModelDirectory.forPair(config.models(), config.cacheDir(), PAIR.toString()).dir();
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

    private static String jvmOptions() {
        StringBuilder sb = new StringBuilder();
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-X")) {
                sb.append(arg).append(' ');
            }
        }
        return sb.toString();
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
        sb.append(String.format(Locale.ROOT, "Model %s; %d sentences of `%s`; %d CPU cores; %s with %s per graph run; JVM %s. Each configuration runs on both "
                        + "backends in turn, 3 times, each run after translating %d sentences to warm up; the best run of each counts. "
                        + "Measured %s with:%n%n"
                        + "    java %s-jar target/kafka-translator.jar bench --src %s --limit %d --threads %d%n%n",
                model, count, src, Runtime.getRuntime().availableProcessors(), djlName,
                config.intraOpThreads() == 0 ? "one ONNX Runtime thread per core" : config.intraOpThreads() + " ONNX Runtime thread(s)",
                Runtime.version(), WARM_UP, LocalDate.now(), jvmOptions(), src, count, config.intraOpThreads()));
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
        List<Double> overheads = new ArrayList<>();
        for (Row d : of.apply(djl)) {
            for (Row o : of.apply(ort)) {
                if (o.decoding.equals(d.decoding) && o.batching.equals(d.batching)) {
                    overheads.add(o.sentencesPerSecond() / d.sentencesPerSecond() - 1);
                }
            }
        }
        overheads.sort(null);
        double medianOverhead = overheads.isEmpty() ? Double.NaN : overheads.get(overheads.size() / 2);
        double worstOverhead = overheads.isEmpty() ? Double.NaN : overheads.get(overheads.size() - 1);
        double greedy1 = best(of.apply(djl), "greedy", "batch 1");
        double greedyBest = best(of.apply(djl), "greedy", null);
        double beamBest = best(of.apply(djl), "beam 5", null);
        double pythonBest = best(of.apply("Python ref"), "greedy", null);
        sb.append(String.format(Locale.ROOT, "- DJL's overhead against the same loop on %s: median %.1f %% over the %d configurations, "
                + "at most %.1f %% (target: within 10 %%). (best of 3 runs each; single runs vary by up to 40 %% on this shared 2-core machine).%n",
                ortName, 100 * medianOverhead, overheads.size(), 100 * worstOverhead));
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
        sb.append(String.format(Locale.ROOT, "- Peak resident memory of the JVM over the whole run (both backends loaded at once): %d MB (target: <= 1 GB).%n", peakRssKb / 1024));
        return sb.toString();
    }

    private static double best(List<Row> rows, String decoding, String batching) {
        return rows.stream().filter(r -> r.decoding.equals(decoding) && (batching == null || r.batching.equals(batching)))
                .mapToDouble(Row::sentencesPerSecond).max().orElse(Double.NaN);
    }
}
