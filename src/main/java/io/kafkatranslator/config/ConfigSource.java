package io.kafkatranslator.config;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Raw settings from, in rising precedence: built-in defaults, a properties file, and environment
 * variables. A key {@code a.b-c} is overridden by the variable {@code A_B_C}; any variable
 * {@code KAFKA_X_Y} sets {@code kafka.x.y} (Kafka's own setting names have no underscores), so that
 * containers can set anything, Kafka client secrets included, without a file. An empty variable
 * overrides nothing.
 */
public final class ConfigSource {
    private static final String KAFKA_VARIABLE_PREFIX = "KAFKA_";
    private static final List<String> OWN_PREFIXES = List.of("translator.", "processor.", "chat.");
    private final Map<String, String> values;

    private ConfigSource(Map<String, String> values) {
        this.values = values;
    }

    public static ConfigSource load(Path propertiesFile, Map<String, String> environment) throws IOException {
        Map<String, String> merged = new HashMap<>();
        if (propertiesFile != null) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                props.load(reader);
            }
            props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
            rejectUnknown(merged.keySet(), k -> k, propertiesFile.toString());
            for (String key : merged.keySet()) {
                String nearest = KafkaSettings.unknown(key);
                if (nearest != null) {
                    throw new IllegalArgumentException("unknown Kafka setting " + key + " in " + propertiesFile
                            + (nearest.isEmpty() ? "" : "; did you mean " + nearest + "?"));
                }
            }
        }
        rejectUnknown(environment.keySet(), ConfigSource::variableName, "the environment");
        ConfigSource source = new ConfigSource(merged).withEnvironment(environment);
        // A container's environment holds KAFKA_* variables that are no settings (Kubernetes' service links for a
        // Service named kafka, KAFKA_HEAP_OPTS): a misspelt one there is told, not fatal.
        environment.keySet().stream().filter(v -> v.startsWith(KAFKA_VARIABLE_PREFIX)).sorted().forEach(variable -> {
            String nearest = KafkaSettings.unknown(kafkaKey(variable));
            if (nearest != null && !environment.get(variable).isBlank()) {
                System.err.println("warning: " + variable + " is not a Kafka setting (" + kafkaKey(variable) + "); Kafka ignores it"
                        + (nearest.isEmpty() ? "" : ". Did you mean " + variableName(nearest) + "?"));
            }
        });
        return source;
    }

    private static String kafkaKey(String variable) {
        return ProcessorConfig.KAFKA_PREFIX + variable.substring(KAFKA_VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * A misspelt setting of ours must not be silently ignored: any name in our namespaces that is not a
     * setting is an error naming the nearest one (kafka.* names: KafkaSettings).
     */
    private static void rejectUnknown(Set<String> names, Function<String, String> spelling, String where) {
        List<String> known = processorKeys().stream().map(spelling).sorted().toList();
        List<String> prefixes = OWN_PREFIXES.stream().map(spelling).toList();
        for (String name : names.stream().sorted().toList()) {
            if (prefixes.stream().anyMatch(name::startsWith) && !known.contains(name)) {
                LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
                String nearest = known.stream().min(Comparator.comparingInt(k -> distance.apply(k, name))).orElseThrow();
                throw new IllegalArgumentException("unknown setting " + name + " in " + where + "; did you mean " + nearest + "?");
            }
        }
    }

    public static ConfigSource of(Map<String, String> values) {
        return new ConfigSource(new HashMap<>(values));
    }

    /** This configuration with the given values on top: how the embedded commands point it at their own broker. */
    public ConfigSource with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new ConfigSource(merged);
    }

    /** Environment variables override every key already known and every key a variable names. */
    private ConfigSource withEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(values);
        Map<String, String> byVariable = new HashMap<>();
        merged.keySet().forEach(k -> byVariable.put(variableName(k), k));
        for (String key : processorKeys()) {
            byVariable.putIfAbsent(variableName(key), key);
        }
        environment.forEach((variable, value) -> {
            String key = byVariable.get(variable);
            if (key == null && variable.startsWith(KAFKA_VARIABLE_PREFIX) && variable.length() > KAFKA_VARIABLE_PREFIX.length()) {
                key = kafkaKey(variable);
            }
            // An empty variable (KAFKA_BOOTSTRAP_SERVERS= in a compose file) says nothing: the file's value stands.
            if (key != null && !value.isBlank()) {
                merged.put(key, value.trim());
            }
        });
        return new ConfigSource(merged);
    }

    /** The engine's, the processor's and the chat page's own settings (kafka.* ones are Kafka's). */
    public static Set<String> processorKeys() {
        Set<String> keys = new HashSet<>();
        for (List<Setting<?>> settings : settings()) {
            settings.forEach(s -> keys.add(s.key()));
        }
        return keys;
    }

    /** Every declaration, as README.md's configuration table lists them: the engine's, the processor's, the chat page's. */
    static List<List<Setting<?>>> settings() {
        return List.of(TranslatorConfig.SETTINGS, ProcessorConfig.SETTINGS, ChatConfig.SETTINGS);
    }

    public static String variableName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public String get(String key, String defaultValue) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    public <T> T get(String key, T defaultValue, Function<String, T> parser) {
        String raw = values.get(key);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value for " + key + ": '" + raw + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Every key with the given prefix, prefix removed (used to pass client settings through). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
