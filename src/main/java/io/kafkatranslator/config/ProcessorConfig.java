package io.kafkatranslator.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The processor's own settings, plus every Kafka client and Streams setting, given as
 * {@code kafka.<name>} and passed through unchanged (SASL/SSL included). README.md lists them.
 */
public record ProcessorConfig(
        String inputTopic,
        String outputTopic,
        String deadLetterTopic,
        int batchMaxRequests,
        int batchMaxTokens,
        Duration batchMaxWait,
        boolean acceptJson,
        OutputFormat outputFormat,
        boolean createTopics,
        int httpPort,
        int resultMaxBytes,
        Duration closeTimeout,
        Duration healthWindow,
        Duration healthStuck,
        Map<String, String> kafka) {

    public static final String INPUT_TOPIC = "processor.input.topic";
    public static final String OUTPUT_TOPIC = "processor.output.topic";
    public static final String DEAD_LETTER_TOPIC = "processor.dead.letter.topic";
    public static final String BATCH_MAX_REQUESTS = "processor.batch.max.requests";
    public static final String BATCH_MAX_TOKENS = "processor.batch.max.tokens";
    public static final String BATCH_MAX_WAIT_MS = "processor.batch.max.wait.ms";
    public static final String ACCEPT_JSON = "processor.input.accept.json";
    public static final String OUTPUT_FORMAT = "processor.output.format";
    public static final String CREATE_TOPICS = "processor.create.topics";
    public static final String HTTP_PORT = "processor.http.port";
    public static final String RESULT_MAX_BYTES = "processor.result.max.bytes";
    public static final String CLOSE_TIMEOUT_MS = "processor.close.timeout.ms";
    public static final String HEALTH_WINDOW_MS = "processor.health.window.ms";
    public static final String HEALTH_STUCK_MS = "processor.health.stuck.ms";
    public static final String KAFKA_PREFIX = "kafka.";
    /** The producer's own default max.request.size. */
    private static final int PRODUCER_MAX_REQUEST_SIZE = 1_048_576;

    static final List<String> KNOWN_KEYS = List.of(INPUT_TOPIC, OUTPUT_TOPIC, DEAD_LETTER_TOPIC, BATCH_MAX_REQUESTS,
            BATCH_MAX_TOKENS, BATCH_MAX_WAIT_MS, ACCEPT_JSON, OUTPUT_FORMAT, CREATE_TOPICS, HTTP_PORT, RESULT_MAX_BYTES, CLOSE_TIMEOUT_MS,
            HEALTH_WINDOW_MS, HEALTH_STUCK_MS);

    public static ProcessorConfig from(ConfigSource source) {
        ProcessorConfig config = new ProcessorConfig(
                source.get(INPUT_TOPIC, "translation-requests"),
                source.get(OUTPUT_TOPIC, "translation-results"),
                source.get(DEAD_LETTER_TOPIC, "translation-dead-letters"),
                source.getInt(BATCH_MAX_REQUESTS, 64),
                source.getInt(BATCH_MAX_TOKENS, 2048),
                Duration.ofMillis(source.getLong(BATCH_MAX_WAIT_MS, 5)),
                source.getBoolean(ACCEPT_JSON, false),
                source.get(OUTPUT_FORMAT, OutputFormat.AVRO, OutputFormat::parse),
                source.getBoolean(CREATE_TOPICS, false),
                source.getInt(HTTP_PORT, 8080),
                source.getInt(RESULT_MAX_BYTES, 524_288),
                Duration.ofMillis(source.getLong(CLOSE_TIMEOUT_MS, 10_000)),
                Duration.ofMillis(source.getLong(HEALTH_WINDOW_MS, 30_000)),
                Duration.ofMillis(source.getLong(HEALTH_STUCK_MS, 300_000)),
                source.withPrefix(KAFKA_PREFIX));
        TranslatorConfig.require(config.httpPort >= -1 && config.httpPort <= 65535,
                HTTP_PORT + " must be a port, 0 for any free port or -1 for none");
        TranslatorConfig.require(config.batchMaxRequests > 0, BATCH_MAX_REQUESTS + " must be > 0");
        TranslatorConfig.require(config.batchMaxTokens > 0, BATCH_MAX_TOKENS + " must be > 0");
        TranslatorConfig.require(!config.batchMaxWait.isNegative() && !config.batchMaxWait.isZero(),
                BATCH_MAX_WAIT_MS + " must be > 0");
        int maxRequestSize = config.maxRequestSize();
        TranslatorConfig.require(config.resultMaxBytes >= 4096 && config.resultMaxBytes < maxRequestSize,
                RESULT_MAX_BYTES + " must be at least 4096 and below the producer's max.request.size (" + maxRequestSize + ")");
        TranslatorConfig.require(config.closeTimeout.toMillis() > 0, CLOSE_TIMEOUT_MS + " must be > 0");
        TranslatorConfig.require(config.healthWindow.toMillis() > 0 && config.healthStuck.compareTo(config.healthWindow) > 0,
                HEALTH_WINDOW_MS + " must be > 0 and " + HEALTH_STUCK_MS + " longer than it");
        return config;
    }

    /** The cluster to talk to: every command that uses Kafka needs it said, none guesses localhost. */
    public String bootstrapServers() {
        String servers = kafka.get("bootstrap.servers");
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap.servers is not set (in --config FILE or KAFKA_BOOTSTRAP_SERVERS)");
        }
        return servers;
    }

    /** The producer's max.request.size, as given to the Streams producer or to every client. */
    private int maxRequestSize() {
        String value = kafka.getOrDefault("producer.max.request.size", kafka.get("max.request.size"));
        try {
            return value == null ? PRODUCER_MAX_REQUEST_SIZE : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for kafka.max.request.size: '" + value + "'", e);
        }
    }

    /** The three topics the processor reads and writes. */
    public List<String> topics() {
        return List.of(inputTopic, outputTopic, deadLetterTopic);
    }

    /** The kafka.* settings a Kafka client of one kind knows (its configNames()): the Streams ones would only draw warnings. */
    public static Map<String, Object> clientSettings(Map<String, String> kafka, Set<String> known) {
        Map<String, Object> out = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (known.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The pass-through Kafka settings as client properties. */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        props.putAll(kafka);
        return props;
    }
}
