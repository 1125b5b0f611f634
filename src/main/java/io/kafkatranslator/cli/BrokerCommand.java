package io.kafkatranslator.cli;

import io.kafkatranslator.app.TempDirectory;
import io.kafkatranslator.broker.StandaloneBroker;
import io.kafkatranslator.config.ProcessorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** A single-node KRaft broker with the processor's topics, for trying `run` and `produce` by hand. */
@Command(name = "broker", sortOptions = false, description = {"A single-node Kafka broker with the processor's topics, for "
        + "trying run and produce by hand, until Ctrl-C (target/kafka-translator-all.jar only)."})
final class BrokerCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "the client port of a new data directory (default: any free one; a directory keeps its own)")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the broker keeps its data, kept on exit: started again on it, the broker has its port, "
                    + "topics and records back (default: a temporary directory, deleted on exit)")
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        Main.requireInProcessBroker("broker");
        ProcessorConfig config = ProcessorConfig.from(configuration.source());
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("kafka-translator-broker");
        ShutdownSignal signal = new ShutdownSignal();
        try (StandaloneBroker broker = StandaloneBroker.start(dir, port)) {
            broker.createTopics(config.newTopics(3));
            System.out.println("Kafka broker (KRaft, single node) at " + broker.bootstrapServers() + ", data in " + dir
                    + (dataDir == null ? " (deleted on exit)" : " (kept: start it again with --data-dir " + dir + ")"));
            System.out.println("Topics: " + String.join(", ", config.topics()));
            System.out.println("Try: KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers() + " java -jar target/kafka-translator.jar run");
            System.out.flush();
            signal.await();
        } finally {
            if (dataDir == null) {
                TempDirectory.delete(dir);
            }
            signal.done();
        }
        return 0;
    }
}
