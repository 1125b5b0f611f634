package io.kafkatranslator.app;

import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The processor against a broker that authenticates (SASL SCRAM-SHA-512 over TLS, certificates made
 * here) and authorises (ACLs, nothing allowed by default): it works with exactly the ACLs the README
 * lists, and says why at startup, exiting non-zero, when its password or one of its ACLs is wrong.
 */
class SecuredClusterIntegrationTest {
    private static final String SECRET = "store-secret";
    private static final String ADMIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"admin\" password=\"admin-secret\";";
    private static final String PRINCIPAL = "User:translator";
    private static final String APPLICATION_ID = "kafka-translator";

    /** What the processor's principal needs, and no more: the README's list is rendered from this. */
    static List<AclBinding> processorAcls() {
        return List.of(
                allow(ResourceType.TOPIC, "translation-requests", PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, "translation-results", PatternType.LITERAL, AclOperation.WRITE),
                allow(ResourceType.TOPIC, "translation-dead-letters", PatternType.LITERAL, AclOperation.WRITE),
                allow(ResourceType.TOPIC, "translation-latest", PatternType.LITERAL, AclOperation.WRITE),
                allow(ResourceType.TOPIC, "translation-glossary", PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, "translation-memory", PatternType.LITERAL, AclOperation.READ),
                // A correction becomes a memory entry: the processor writes what it reads back.
                allow(ResourceType.TOPIC, "translation-memory", PatternType.LITERAL, AclOperation.WRITE),
                allow(ResourceType.TOPIC, "translation-corrections", PatternType.LITERAL, AclOperation.READ),
                // Streams' own topics (the pending requests' changelog) are named after the application id.
                allow(ResourceType.TOPIC, APPLICATION_ID, PatternType.PREFIXED, AclOperation.ALL),
                allow(ResourceType.GROUP, APPLICATION_ID, PatternType.LITERAL, AclOperation.READ),
                // exactly_once_v2: each stream thread's producer has a transactional id under the application id.
                allow(ResourceType.TRANSACTIONAL_ID, APPLICATION_ID, PatternType.PREFIXED, AclOperation.WRITE));
    }

    @Test
    void theProcessorRunsWithTheReadmeAclsAndStopsWithTheReasonOnWrongCredentialsOrADeniedTopic(@TempDir Path dir)
            throws Exception {
        Path keystore = dir.resolve("broker.p12");
        Path truststore = dir.resolve("truststore.p12");
        makeCertificates(dir, keystore, truststore);
        try (KafkaClusterTestKit cluster = securedBroker(dir, keystore, truststore)) {
            String bootstrap = cluster.bootstrapServers();
            Map<String, Object> admin = client(bootstrap, truststore, "PLAIN", ADMIN_JAAS);
            List<AclBinding> acls = processorAcls();
            try (Admin a = Admin.create(admin)) {
                a.createTopics(List.of(new NewTopic("translation-requests", 2, (short) 1),
                        new NewTopic("translation-results", 1, (short) 1),
                        new NewTopic("translation-dead-letters", 1, (short) 1),
                        new NewTopic("translation-latest", 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                        new NewTopic("translation-glossary", 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                        new NewTopic("translation-memory", 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                        new NewTopic("translation-corrections", 1, (short) 1))).all().get();
                a.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("translator",
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), "translator-secret"))).all().get();
                // Everything but the dead-letter topic's ACL first.
                a.createAcls(acls.stream().filter(b -> !b.pattern().name().equals("translation-dead-letters")).toList())
                        .all().get();
            }

            String wrongPassword = runUntilExit(dir, "wrong", config(dir, bootstrap, truststore, "not-the-password"));
            assertTrue(wrongPassword.contains("error: authentication to Kafka at " + bootstrap + " failed"), wrongPassword);

            String denied = runUntilExit(dir, "denied", config(dir, bootstrap, truststore, "translator-secret"));
            assertTrue(denied.contains("error: not authorized on " + bootstrap + ": translation-dead-letters"), denied);

            try (Admin a = Admin.create(admin)) {
                a.createAcls(acls).all().get();
            }
            Process processor = start(dir, "allowed", config(dir, bootstrap, truststore, "translator-secret"));
            try {
                AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin, new StringSerializer(),
                        new ByteArraySerializer())) {
                    for (int i = 0; i < 5; i++) {
                        producer.send(new ProducerRecord<>("translation-requests", "c" + i, serde.encode(
                                TranslationRequest.newBuilder().setRequestId("r" + i).setConversationId("c" + i)
                                        .setText("Je suis étudiant.").build())));
                    }
                }
                List<TranslationResult> results = ResultsReader.readAll(admin, "translation-results", 5);
                assertEquals(5, results.size(), "results of the 5 requests, once each");
                assertTrue(results.stream().allMatch(r -> r.getTranslation().equals("I'm a student.")
                        || r.getTranslation().equals("I am a student.")), results.toString());
            } finally {
                processor.destroy();
                processor.waitFor(30, TimeUnit.SECONDS);
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        for (AclBinding acl : processorAcls()) {
            assertTrue(readme.contains(kafkaAclsCommand(acl)), "README.md lists: " + kafkaAclsCommand(acl));
        }
    }

    /** One line of the README's ACL list: the kafka-acls.sh command that grants it. */
    static String kafkaAclsCommand(AclBinding acl) {
        String operation = acl.entry().operation().name().toLowerCase(Locale.ROOT);
        String resource = "--" + acl.pattern().resourceType().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return "kafka-acls.sh --bootstrap-server broker-1:9092 --command-config admin.properties --add --allow-principal "
                + acl.entry().principal() + " --operation " + Character.toUpperCase(operation.charAt(0))
                + operation.substring(1) + " " + resource + " " + acl.pattern().name()
                + (acl.pattern().patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "");
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(PRINCIPAL, "*", operation, AclPermissionType.ALLOW));
    }

    /** A self-signed certificate for localhost (the broker's) and a truststore holding it, made with the JDK's keytool. */
    private static void makeCertificates(Path dir, Path keystore, Path truststore) throws Exception {
        Path certificate = dir.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", SECRET, "-keypass", SECRET);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", SECRET,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", SECRET);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "keytool " + String.join(" ", args) + ": " + out);
    }

    /**
     * One KRaft node whose client listener takes SASL over TLS: SCRAM-SHA-512 for the processor, PLAIN for
     * the test's administrator and the broker itself (SCRAM credentials live in the metadata, which has
     * to be up before any can be added). The controller listener stays inside the process.
     */
    private static KafkaClusterTestKit securedBroker(Path dir, Path keystore, Path truststore) throws Exception {
        String listener = "listener.name.external.";
        Map<String, String> props = new HashMap<>(Map.ofEntries(
                // The test kit takes only PLAINTEXT and SASL_PLAINTEXT for its listeners but leaves this map to us.
                Map.entry("listener.security.protocol.map", "EXTERNAL:SASL_SSL,CONTROLLER:PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry(listener + "plain.sasl.jaas.config", ADMIN_JAAS.replace(";",
                        " user_admin=\"admin-secret\";")),
                Map.entry(listener + "scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("ssl.keystore.location", keystore.toString()),
                Map.entry("ssl.keystore.password", SECRET),
                Map.entry("ssl.key.password", SECRET),
                Map.entry("ssl.keystore.type", "PKCS12"),
                Map.entry("ssl.truststore.location", truststore.toString()),
                Map.entry("ssl.truststore.password", SECRET),
                Map.entry("ssl.truststore.type", "PKCS12"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                // ANONYMOUS is the broker on the controller listener, which is not reachable as a client's.
                Map.entry("super.users", "User:admin;User:ANONYMOUS"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(Files.createDirectories(dir.resolve("broker")))
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
        props.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    private static Map<String, Object> client(String bootstrap, Path truststore, String mechanism, String jaas) {
        return Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_SSL", "sasl.mechanism", mechanism,
                "sasl.jaas.config", jaas, "ssl.truststore.location", truststore.toString(),
                "ssl.truststore.password", SECRET, "ssl.truststore.type", "PKCS12");
    }

    /** The processor's settings file, as README.md's "Running against a real cluster" shows it. */
    private static Path config(Path dir, String bootstrap, Path truststore, String password) throws IOException {
        Map<String, Object> kafka = new HashMap<>(client(bootstrap, truststore, "SCRAM-SHA-512",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"translator\" password=\""
                        + password + "\";"));
        kafka.put("application.id", APPLICATION_ID);
        kafka.put("state.dir", dir.resolve("state-" + password).toString());
        String lines = kafka.entrySet().stream().map(e -> "kafka." + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        Path file = dir.resolve("processor-" + password + ".properties");
        Files.writeString(file, lines + "\nprocessor.http.port=-1\ntranslator.beam.size=1\n");
        return file;
    }

    private static Process start(Path dir, String name, Path config) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.kafkatranslator.cli.Main", "run", "--config",
                config.toString()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /** Runs the processor, expects it to stop by itself with a non-zero status, and returns what it printed. */
    private static String runUntilExit(Path dir, String name, Path config) throws Exception {
        Process p = start(dir, name, config);
        boolean exited = p.waitFor(90, TimeUnit.SECONDS);
        String out = Files.readString(dir.resolve(name + ".log"));
        if (!exited) {
            p.destroyForcibly();
        }
        assertTrue(exited && p.exitValue() != 0, "stopped on its own with a non-zero status: " + out);
        out.lines().filter(l -> l.startsWith("error:")).forEach(l -> System.out.println(name + ": " + l));
        return out;
    }
}
