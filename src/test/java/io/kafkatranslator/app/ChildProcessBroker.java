package io.kafkatranslator.app;

import io.kafkatranslator.broker.StandaloneBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker in a child JVM (the `broker` command, on a fixed port with its data on
 * disk), so that it can be stopped and started again like a real one.
 */
final class ChildProcessBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private Process process;

    ChildProcessBroker(Path dir) throws Exception {
        port = StandaloneBroker.freePort();
        dataDir = dir.resolve("broker");
        start();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void start() throws Exception {
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.kafkatranslator.cli.Main", "broker",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StandaloneBroker.awaitReady(bootstrapServers(), Duration.ofSeconds(60), process::isAlive);
    }

    /** A controlled shutdown (SIGTERM), as an operator's restart does. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
