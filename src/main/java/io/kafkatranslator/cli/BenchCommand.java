package io.kafkatranslator.cli;

import io.kafkatranslator.bench.ThroughputBench;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.TranslatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", sortOptions = false, description = {
        "Measures the models; --suite says what:",
        "throughput: DJL vs direct ONNX Runtime vs the Python reference (the test split by default).",
        "loading: load time and memory of each shipped model alone and of all of them, each in a fresh JVM."})
final class BenchCommand implements Callable<Integer> {
    enum Suite { throughput, loading }

    @Mixin
    private ConfigOption configuration;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "throughput", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Suite suite;

    @Option(names = "--src", paramLabel = "FILE", defaultValue = "training/work/data/test.src",
            description = "sentences to translate (default: ${DEFAULT-VALUE})")
    private Path src;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "500", description = "the first N of them (default: ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime's intra-op threads (default: translator.intra.op.threads)")
    private String threads;

    @Option(names = "--checkpoint", paramLabel = "FILE", defaultValue = "training/work/run3/final.pt",
            description = "the PyTorch checkpoint of the Python reference (default: ${DEFAULT-VALUE})")
    private Path checkpoint;

    @Option(names = "--out", paramLabel = "FILE", description = "the table (default: docs/benchmarks.md or docs/loading.md)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = configuration.source();
        if (threads != null) {
            source = source.with(Map.of(TranslatorConfig.INTRA_OP_THREADS, threads));
        }
        boolean loading = suite == Suite.loading;
        ThroughputBench bench = new ThroughputBench(TranslatorConfig.from(source), src, limit,
                out != null ? out : Path.of(loading ? "docs/loading.md" : "docs/benchmarks.md"), checkpoint);
        return loading ? bench.runLoading() : bench.run();
    }
}
