package io.kafkatranslator.cli;

import io.kafkatranslator.bench.ScaleTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scaletest", sortOptions = false, description = {"Throughput of 1, 2 and 3 processor instances (child "
        + "processes) and of one instance with 2 stream threads, on a loopback broker: a table for sizing a cluster."})
final class ScaleTestCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Option(names = "--layouts", paramLabel = "IxT,...", defaultValue = "1x1,2x1,3x1,1x2,1x1",
            description = "instances x stream threads each, measured in this order; 1x1 twice, first and last, since the "
                    + "broker in this JVM warms up over the run: the better is the reference (default: ${DEFAULT-VALUE})")
    private String layouts;

    @Option(names = "--src", paramLabel = "FILE", description = "the requests' texts (default: the shipped chat sample's French)")
    private Path src;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "2000", description = "requests per burst (default: ${DEFAULT-VALUE})")
    private int burst;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "target/scaling.md", description = "the table (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Main.requireInProcessBroker("scaletest");
        List<ScaleTest.Layout> parsed;
        try {
            parsed = Arrays.stream(layouts.split(",")).map(ScaleTest.Layout::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--layouts: " + e.getMessage());
        }
        int beam = configuration.translator().decoding().beamSize();
        return new ScaleTest(parsed, configuration.arguments(), beam, src == null ? Sample.frenchSources() : src, burst, out).run();
    }
}
