package io.kafkatranslator.app;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The processor's `run` command in a child JVM on this JVM's class path: an instance as deployed, one
 * process each, that a test or a measurement can stop (SIGTERM) or kill. Configured by its environment,
 * as a container would be; its HTTP port is off unless the environment names one (several share one host).
 */
public final class ChildProcessor {
    private ChildProcessor() {
    }

    /** environment: variables on top of this JVM's, the broker, the state directory and the port; arguments: run's. */
    public static Process start(String bootstrap, Path stateDir, Map<String, String> environment,
                                ProcessBuilder.Redirect output, List<String> arguments) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.kafkatranslator.cli.Main", "run");
        pb.command().addAll(arguments);
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        pb.environment().put("KAFKA_STATE_DIR", stateDir.toString());
        pb.environment().put(ConfigSource.variableName(ProcessorConfig.HTTP_PORT.key()), "-1");
        pb.environment().putAll(environment);
        return pb.redirectErrorStream(true).redirectOutput(output).start();
    }
}
