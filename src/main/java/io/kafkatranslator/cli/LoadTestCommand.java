package io.kafkatranslator.cli;

import io.kafkatranslator.bench.LoadTest;
import io.kafkatranslator.bench.Replay;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.TranslatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "loadtest", sortOptions = false, description = {"The processor on a loopback broker at 10, 50, 100, 200 "
        + "requests/s and flat out: a latency table."})
final class LoadTestCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Option(names = "--beam", paramLabel = "K", description = "beam size; 1 is greedy (default: translator.beam.size)")
    private String beam;

    @Option(names = "--src", paramLabel = "FILE", description = "the requests' texts (default: the shipped chat sample's French)")
    private Path src;

    @Option(names = "--phase-seconds", paramLabel = "S", defaultValue = "15", description = "seconds per rate (default: ${DEFAULT-VALUE})")
    private int phaseSeconds;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "2000", description = "requests sent at once for flat out (default: ${DEFAULT-VALUE})")
    private int burst;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "target/load.md", description = "the table (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--replay", paramLabel = "FILE", description = "instead: replay a conversation set (the WMT 2024 chat dev "
            + "set's TSV) without cache, with it, and with it and a translation memory, interleaved")
    private Path replay;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2", description = "--replay: rounds of the three set-ups "
            + "(default: ${DEFAULT-VALUE})")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        Main.requireInProcessBroker("loadtest");
        ConfigSource source = configuration.source();
        if (beam != null) {
            source = source.with(Map.of(TranslatorConfig.BEAM_SIZE.key(), beam));
        }
        if (replay != null) {
            return new Replay(source, replay, rounds, out).run();
        }
        return new LoadTest(source, src == null ? Sample.frenchSources() : src, Duration.ofSeconds(phaseSeconds), burst, out).run();
    }
}
