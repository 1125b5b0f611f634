package io.kafkatranslator.app;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The processor (`run`, greedy, no HTTP port) as a child JVM that a test can stop or kill. */
final class ChildProcessor {
    private ChildProcessor() {
    }

    /** settings: environment variables on top of the broker, the state directory and the defaults here. */
    static Process start(String bootstrap, Path stateDir, Map<String, String> settings) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.kafkatranslator.cli.Main", "run");
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        pb.environment().put("KAFKA_STATE_DIR", stateDir.toString());
        // A killed member is noticed after its session (6 s, the broker's minimum) instead of 45 s.
        pb.environment().put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        pb.environment().put(ConfigSource.variableName(ProcessorConfig.HTTP_PORT), "-1");
        pb.environment().put("TRANSLATOR_BEAM_SIZE", "1");
        pb.environment().putAll(settings);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }
}
