package io.kafkatranslator.cli;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A single-node KRaft broker with the processor's topics, for trying `run` and `produce` by hand. */
final class BrokerCommand {
    private final ProcessorConfig config;

    BrokerCommand(ConfigSource source) {
        this.config = ProcessorConfig.from(source);
    }

    int run() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            broker.createTopics(Map.of(config.inputTopic(), 3, config.outputTopic(), 3, config.deadLetterTopic(), 1));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    broker.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }));
            System.out.println("Kafka broker (KRaft, single node, data deleted on exit) at " + broker.bootstrapServers());
            System.out.println("Topics: " + config.inputTopic() + ", " + config.outputTopic() + ", " + config.deadLetterTopic());
            System.out.println("Try: KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers() + " java -jar target/kafka-translator.jar run");
            System.out.flush();
            stop.await();
        }
        return 0;
    }
}
