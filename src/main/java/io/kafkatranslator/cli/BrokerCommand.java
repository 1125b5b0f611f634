package io.kafkatranslator.cli;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;

import java.util.Map;

/** A single-node KRaft broker with the processor's topics, for trying `run` and `produce` by hand. */
final class BrokerCommand {
    private final ProcessorConfig config;

    BrokerCommand(ConfigSource source) {
        this.config = ProcessorConfig.from(source);
    }

    int run() throws Exception {
        ShutdownSignal signal = new ShutdownSignal();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            broker.createTopics(Map.of(config.inputTopic(), 3, config.outputTopic(), 3, config.deadLetterTopic(), 1));
            System.out.println("Kafka broker (KRaft, single node, data deleted on exit) at " + broker.bootstrapServers());
            System.out.println("Topics: " + config.inputTopic() + ", " + config.outputTopic() + ", " + config.deadLetterTopic());
            System.out.println("Try: KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers() + " java -jar target/kafka-translator.jar run");
            System.out.flush();
            signal.await();
        } finally {
            signal.done();
        }
        return 0;
    }
}
