package io.kafkatranslator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine or Kubernetes cluster runs here, so deploy/ is checked against what does: every
 * YAML file parses, and every name the manifests share with the build and the code (jar path, port,
 * probe paths, configuration keys, topics, consumer group) is the real one.
 */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ProcessorConfig DEFAULTS = ProcessorConfig.from(ConfigSource.of(Map.of()));

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    private static JsonNode k8s(String kind) throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (JsonNode doc : documents(f)) {
                    if (kind.equals(doc.path("kind").asText())) {
                        return doc;
                    }
                }
            }
        }
        throw new AssertionError("no " + kind + " in deploy/k8s");
    }

    /** A setting the processor understands: one of its own, or a Kafka Streams or client setting. */
    private static boolean knownSetting(String key) {
        if (!key.startsWith(ProcessorConfig.KAFKA_PREFIX)) {
            return ConfigSource.processorKeys().contains(key);
        }
        String name = key.substring(ProcessorConfig.KAFKA_PREFIX.length());
        return StreamsConfig.configDef().names().contains(name) || ProducerConfig.configNames().contains(name)
                || ConsumerConfig.configNames().contains(name) || AdminClientConfig.configNames().contains(name);
    }

    /** The settings environment variables set, through ConfigSource's own mapping; each must set a known one. */
    private static Map<String, String> settingsOf(Map<String, String> variables, String where) throws IOException {
        Map<String, String> settings = ConfigSource.load(null, variables).withPrefix("");
        assertEquals(variables.size(), settings.size(), where + " sets a variable the processor does not read: " + variables.keySet());
        settings.keySet().forEach(k -> assertTrue(knownSetting(k), where + " sets unknown setting " + k));
        return settings;
    }

    @Test
    void theSampleProcessorPropertiesNamesOnlyRealSettings() throws IOException {
        // Loading rejects a misspelt setting of ours; Kafka's are checked against Kafka's own names.
        ConfigSource sample = ConfigSource.load(DEPLOY.resolve("processor.properties"), Map.of());
        sample.withPrefix("").keySet().forEach(k -> assertTrue(knownSetting(k), "processor.properties sets unknown setting " + k));
        assertEquals(DEFAULTS.topics(), ProcessorConfig.from(sample).topics());
    }

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> yaml;
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            yaml = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertTrue(yaml.size() >= 7, "compose file and Kubernetes manifests: " + yaml);
        for (Path f : yaml) {
            assertFalse(documents(f).isEmpty(), f + " is empty");
        }
    }

    @Test
    void dockerfileCopiesTheJarTheBuildMakesAndRunsIt() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertTrue(finalName.find());
        String jar = "target/" + finalName.group(1) + ".jar";
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        Matcher copy = Pattern.compile("COPY --from=build /src/(\\S+) (\\S+)").matcher(dockerfile);
        assertTrue(copy.find());
        assertEquals(jar, copy.group(1));
        assertTrue(dockerfile.contains("\"-jar\", \"" + copy.group(2) + "\""), "ENTRYPOINT runs the copied jar");
        for (String source : List.of("pom.xml", "schemas", "src")) {
            assertTrue(dockerfile.contains("COPY " + source + " ") && Files.exists(Path.of(source)), source);
        }
        assertTrue(dockerfile.contains("EXPOSE " + DEFAULTS.httpPort()));
        Matcher env = Pattern.compile("\\b([A-Z][A-Z0-9_]+)=(\\S+)").matcher(dockerfile.substring(dockerfile.indexOf("ENV ")));
        Map<String, String> variables = new HashMap<>();
        while (env.find()) {
            variables.put(env.group(1), env.group(2));
        }
        settingsOf(variables, "the Dockerfile");
    }

    @Test
    void composeFileNamesRealSettingsTopicsAndFiles() throws IOException {
        JsonNode compose = documents(DEPLOY.resolve("docker-compose.yml")).get(0);
        JsonNode translator = compose.path("services").path("translator");
        assertTrue(Files.exists(DEPLOY.resolve(translator.path("build").path("context").asText())
                .resolve(translator.path("build").path("dockerfile").asText())));
        Map<String, String> variables = new HashMap<>();
        translator.path("environment").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        Map<String, String> settings = settingsOf(variables, "the compose file");
        ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(settings));
        String topics = compose.path("services").path("create-topics").path("command").get(0).asText();
        for (String topic : config.topics()) {
            assertTrue(topics.contains(topic + ":") || topics.contains("--topic " + topic + " "), "create-topics creates " + topic);
        }
        assertEquals(DEFAULTS.httpPort() + ":" + DEFAULTS.httpPort(), translator.path("ports").get(0).asText());
    }

    @Test
    void kubernetesManifestsAgreeWithTheConfigurationAndTheEndpoints() throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(k8s("ConfigMap").path("data").path("processor.properties").asText()));
        props.stringPropertyNames().forEach(k -> assertTrue(knownSetting(k), "ConfigMap sets unknown setting " + k));
        Map<String, String> settings = new HashMap<>();
        props.stringPropertyNames().forEach(k -> settings.put(k, props.getProperty(k)));
        ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(settings));

        JsonNode container = k8s("StatefulSet").path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals(config.httpPort(), container.path("ports").get(0).path("containerPort").asInt());
        assertEquals("/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        String configArg = container.path("args").get(2).asText();
        String mount = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals("config")) {
                mount = m.path("mountPath").asText();
            }
        }
        assertEquals(mount + "/processor.properties", configArg);
        assertTrue(config.kafka().get("state.dir").startsWith(container.path("volumeMounts").get(1).path("mountPath").asText()),
                "the state directory is on the volume");

        JsonNode trigger = k8s("ScaledObject").path("spec").path("triggers").get(0).path("metadata");
        assertEquals(config.kafka().get("application.id"), trigger.path("consumerGroup").asText());
        assertEquals(config.inputTopic(), trigger.path("topic").asText());
        assertEquals(config.kafka().get("bootstrap.servers"), trigger.path("bootstrapServers").asText());

        Set<String> listed = new HashSet<>();
        k8s("Kustomization").path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new HashSet<>(manifests().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(present, listed, "kustomization lists every manifest");
    }

    @Test
    void theImageIsBuiltAndRunUnderOneNameFromAContextWithoutBuildOutputs() throws IOException {
        Matcher tag = Pattern.compile("docker build -f deploy/Dockerfile -t (\\S+) \\.").matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
        assertTrue(tag.find(), "the Dockerfile says how to build it");
        JsonNode container = k8s("StatefulSet").path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals(tag.group(1), container.path("image").asText());
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        for (String output : List.of("target", "training", ".git")) {
            assertTrue(ignored.contains(output), ".dockerignore leaves out " + output);
        }
    }

    @Test
    void theSecuredClusterIsConfiguredAlikeForTheProcessorAndForKeda() throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(k8s("ConfigMap").path("data").path("processor.properties").asText()));
        JsonNode container = k8s("StatefulSet").path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("valueFrom")));
        String secret = env.get("KAFKA_SASL_JAAS_CONFIG").path("secretKeyRef").path("name").asText();
        assertEquals("SASL_SSL", props.getProperty("kafka.security.protocol"), "the SASL login is used over TLS");
        assertEquals("SCRAM-SHA-512", props.getProperty("kafka.sasl.mechanism"));
        assertEquals("metadata.name", env.get("KAFKA_GROUP_INSTANCE_ID").path("fieldRef").path("fieldPath").asText(),
                "static membership: each pod's name is its group instance id");

        JsonNode trigger = k8s("ScaledObject").path("spec").path("triggers").get(0);
        assertEquals("scram_sha512", trigger.path("metadata").path("sasl").asText());
        assertEquals("enable", trigger.path("metadata").path("tls").asText());
        JsonNode auth = k8s("TriggerAuthentication");
        assertEquals(auth.path("metadata").path("name").asText(), trigger.path("authenticationRef").path("name").asText());
        Set<String> parameters = new HashSet<>();
        auth.path("spec").path("secretTargetRef").forEach(r -> {
            assertEquals(secret, r.path("name").asText(), "KEDA reads the processor's Secret");
            parameters.add(r.path("parameter").asText());
        });
        assertEquals(Set.of("username", "password"), parameters);
    }

    @Test
    void kubernetesManifestsPassTheKubernetesAndKedaSchemas(@TempDir Path tmp) throws Exception {
        Path validator = DEPLOY.resolve("validate");
        boolean installed = Files.isDirectory(validator.resolve("node_modules"));
        if (!installed) {
            System.out.println("SKIPPED schema validation: run npm ci --prefix deploy/validate (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "the schema validator is not installed");
        List<String> manifests = manifests().stream().map(Path::toString).toList();
        Validation all = validate(validator, manifests);
        assertEquals(0, all.exitCode(), all.output());
        assertEquals(manifests.size(), all.output().lines().filter(l -> l.startsWith("valid: ")).count(), all.output());

        // The validator must reject what the API server would: a container port without its number.
        Path broken = tmp.resolve("statefulset.yaml");
        Files.writeString(broken, Files.readString(DEPLOY.resolve("k8s/statefulset.yaml")).replace("containerPort", "port"));
        Validation rejected = validate(validator, List.of(broken.toString()));
        assertEquals(1, rejected.exitCode(), rejected.output());
        assertTrue(rejected.output().contains("containerPort"), rejected.output());
    }

    /** The Kubernetes manifests: every YAML file in deploy/k8s but the kustomization that lists them. */
    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
        }
    }

    private record Validation(int exitCode, String output) {
    }

    private static Validation validate(Path validator, List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", validator.resolve("validate-k8s.mjs").toString()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Validation(process.waitFor(), output);
    }
}
