package io.kafkatranslator.cli;

import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ProcessorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

/** A single-node KRaft broker with the processor's topics, for trying `run` and `produce` by hand. */
@Command(name = "broker", description = {"A single-node Kafka broker with the processor's topics, for trying run and produce "
        + "by hand, until Ctrl-C."})
final class BrokerCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Override
    public Integer call() throws Exception {
        Main.requireInProcessBroker("broker");
        ProcessorConfig config = ProcessorConfig.from(configuration.source());
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
