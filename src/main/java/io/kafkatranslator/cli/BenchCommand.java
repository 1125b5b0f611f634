package io.kafkatranslator.cli;

import io.kafkatranslator.bench.ResultSizeBench;
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
        "Measures the models, as --suite says (the shipped chat sample by default).",
        "throughput: DJL vs direct ONNX Runtime vs the Python reference (the test split by default).",
        "loading: load time and memory of each shipped model alone and of all of them, each in a fresh JVM.",
        "sizes: a result record's bytes against its message's length, 100 to 10,000 characters."})
final class BenchCommand implements Callable<Integer> {
    enum Suite { throughput, loading, sizes }

    @Mixin
    private ConfigOption configuration;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "throughput", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Suite suite;

    @Option(names = "--src", paramLabel = "FILE", description = "sentences to translate (default: the shipped chat sample's French)")
    private Path src;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "500", description = "the first N of them (default: ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime's intra-op threads (default: translator.onnx.intra.op.threads)")
    private String threads;

    @Option(names = "--checkpoint", paramLabel = "FILE", defaultValue = "training/work/run3/final.pt",
            description = "the PyTorch checkpoint of the Python reference (default: ${DEFAULT-VALUE})")
    private Path checkpoint;

    @Option(names = "--out", paramLabel = "FILE", description = "the table (default: target/benchmarks.md, target/loading.md or target/result-size.md; docs/ holds the published ones)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = configuration.source();
        if (threads != null) {
            source = source.with(Map.of(TranslatorConfig.INTRA_OP_THREADS.key(), threads));
        }
        Path sentences = src == null ? Sample.frenchSources() : src;
        if (suite == Suite.sizes) {
            return new ResultSizeBench(TranslatorConfig.from(source), sentences, out != null ? out : Path.of("target/result-size.md")).run();
        }
        boolean loading = suite == Suite.loading;
        ThroughputBench bench = new ThroughputBench(TranslatorConfig.from(source), sentences, limit,
                out != null ? out : Path.of(loading ? "target/loading.md" : "target/benchmarks.md"), checkpoint);
        return loading ? bench.runLoading() : bench.run();
    }
}
