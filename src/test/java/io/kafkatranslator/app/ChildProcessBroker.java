package io.kafkatranslator.app;

import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
        port = freePort();
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
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers(), "request.timeout.ms", "2000",
                    "default.api.timeout.ms", "3000"))) {
                admin.describeCluster().nodes().get();
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("the broker did not start", notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    /** A controlled shutdown (SIGTERM), as an operator's restart does. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
