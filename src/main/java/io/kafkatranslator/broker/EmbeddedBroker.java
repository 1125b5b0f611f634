package io.kafkatranslator.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller in one node) running in this JVM,
 * from Kafka's own test kit: for the demo and the integration tests, not for production.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private EmbeddedBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedBroker start() throws Exception {
        // A directory of our own: the kit's default one is deleted by a shutdown hook of its own, which on
        // Ctrl-C races the orderly close and fills the log with the broker's failed writes.
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(Files.createTempDirectory("kafka-translator-broker"))
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setDeleteOnClose(true)
                // One broker: internal topics (transactions, offsets) cannot have three replicas.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        // The test kit prints its formatting report to stdout, which the demo keeps for translations.
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(out);
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new EmbeddedBroker(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopics(Map<String, Integer> partitionsByTopic) throws ExecutionException, InterruptedException {
        createTopics(partitionsByTopic.entrySet().stream().map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList());
    }

    public void createTopics(List<NewTopic> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(topics).all().get();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
