package io.kafkatranslator.app;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.schema.TranslationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;


/**
 * The processor as a child process under load, killed with SIGKILL at random moments (mid-batch
 * included) and restarted. Afterwards a read_committed consumer must see exactly one result per
 * request, in each conversation's order. `mvn -B test` runs 3 kills; `mvn -B test -Pfaults` runs 10
 * with more load (system property faults.kills / faults.requests).
 */
class CrashRecoveryTest {
    private static final int KILLS = Integer.getInteger("faults.kills", 3);
    private static final int REQUESTS = Integer.getInteger("faults.requests", 400);
    private static final int CONVERSATIONS = 20;

    @Test
    void sigkillAtRandomMomentsLosesAndDuplicatesNothing(@TempDir Path stateDir) throws Exception {
        Random random = new Random(42);
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            broker.createTopics(ProcessorConfig.from(ConfigSource.of(Map.of())).newTopics(3));
            SteadyProducer producer = new SteadyProducer(broker.bootstrapServers(), REQUESTS, CONVERSATIONS,
                    Duration.ofSeconds(Math.max(8, KILLS * 4L)));
            producer.start();
            Process processor = startProcessor(broker.bootstrapServers(), stateDir);
            for (int kill = 0; kill < KILLS; kill++) {
                Thread.sleep(2500 + random.nextInt(3000));
                processor.destroyForcibly().waitFor();
                System.out.printf("crash test: SIGKILL %d of %d after %d requests sent%n", kill + 1, KILLS, producer.sent);
                processor = startProcessor(broker.bootstrapServers(), stateDir);
            }
            producer.join();
            List<TranslationResult> results;
            try {
                results = ResultsReader.readAll(broker.bootstrapServers(), "translation-results", REQUESTS);
            } finally {
                processor.destroy();
                processor.waitFor();
            }
            ResultsReader.assertExactlyOnceInOrder(results, producer.ids(), "crash test (" + KILLS + " kills survived)");
            producer.assertVersions(results, "crash test: the conversations' state");
        }
    }

    private static Process startProcessor(String bootstrap, Path stateDir) throws Exception {
        // Static membership: the restarted instance takes its partitions back without waiting for the
        // killed one's session to expire.
        return TestInstances.start(bootstrap, stateDir, Map.of("KAFKA_GROUP_INSTANCE_ID", "crash-test-instance",
                "KAFKA_SESSION_TIMEOUT_MS", "10000"));
    }
}
