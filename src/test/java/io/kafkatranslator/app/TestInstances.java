package io.kafkatranslator.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Processor instances for the process tests: greedy, and a killed member noticed quickly. */
final class TestInstances {
    private TestInstances() {
    }

    /** settings: environment variables on top of the defaults here. */
    static Process start(String bootstrap, Path stateDir, Map<String, String> settings) throws IOException {
        Map<String, String> environment = new HashMap<>();
        // A killed member is noticed after its session (6 s, the broker's minimum) instead of 45 s.
        environment.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        environment.put("TRANSLATOR_BEAM_SIZE", "1");
        environment.putAll(settings);
        return ChildProcessor.start(bootstrap, stateDir, environment, ProcessBuilder.Redirect.DISCARD, List.of());
    }
}
