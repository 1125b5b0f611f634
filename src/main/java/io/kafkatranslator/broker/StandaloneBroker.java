package io.kafkatranslator.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * A single-node KRaft broker (broker and controller in one) run by Kafka's own server classes in
 * this JVM, on a fixed port with its data in a directory of its own: started again on the same
 * directory, it keeps its address, topics and records, so that a broker restart can be tried by
 * hand. The directory keeps the server.properties it was formatted with: the controller's address
 * is written into the metadata log at formatting and must not change.
 */
public final class StandaloneBroker implements AutoCloseable {
    private static final String CONFIG = "server.properties";
    private final KafkaRaftServer server;
    private final int port;

    private StandaloneBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** port: the client port for a new data directory (0: any free one); an existing directory keeps its own. */
    public static StandaloneBroker start(Path dataDir, int port) throws Exception {
        Path config = dataDir.resolve(CONFIG);
        Properties props;
        if (Files.isRegularFile(config)) {
            props = load(config);
            int kept = port(props);
            if (port != 0 && port != kept) {
                throw new IllegalArgumentException(dataDir + " holds a broker on port " + kept + ", not " + port
                        + " (its controller's address is part of its data): use --port " + kept + " or another directory");
            }
        } else {
            props = format(dataDir, config, port == 0 ? freePort() : port, freePort());
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        StandaloneBroker broker = new StandaloneBroker(server, port(props));
        awaitReady(broker.bootstrapServers(), Duration.ofSeconds(60), () -> true);
        return broker;
    }

    private static Properties format(Path dataDir, Path config, int port, int controllerPort) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + dataDir.toAbsolutePath().resolve("data"),
                // One broker: internal topics (transactions, offsets) cannot have three replicas.
                "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1", "group.initial.rebalance.delay.ms=0", ""), StandardCharsets.UTF_8);
        // The storage tool reports on stdout, which the commands keep for their own output.
        int status = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--standalone"}, new PrintStream(OutputStream.nullOutputStream()));
        if (status != 0) {
            throw new IllegalStateException("formatting the broker's storage in " + dataDir + " failed (status " + status + ")");
        }
        return load(config);
    }

    private static Properties load(Path config) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    private static int port(Properties props) {
        String advertised = props.getProperty("advertised.listeners");
        return Integer.parseInt(advertised.substring(advertised.lastIndexOf(':') + 1));
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Returns once the broker at the address answers; throws after the timeout, or as soon as starting says
     * it has given up (a broker process that died).
     */
    public static void awaitReady(String bootstrapServers, Duration timeout, BooleanSupplier starting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", "2000",
                    "default.api.timeout.ms", "3000"))) {
                admin.describeCluster().nodes().get();
                return;
            } catch (ExecutionException | RuntimeException notYet) {
                if (System.nanoTime() > deadline || !starting.getAsBoolean()) {
                    throw new IllegalStateException("the broker at " + bootstrapServers + " was not ready "
                            + timeout.toSeconds() + " s after it started", notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet (a restarted broker has them already). */
    public void createTopics(Map<String, Integer> partitionsByTopic) throws ExecutionException, InterruptedException {
        createTopics(partitionsByTopic.entrySet().stream().map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList());
    }

    /** Creates the topics that do not exist yet (a restarted broker has them already). */
    public void createTopics(List<NewTopic> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
