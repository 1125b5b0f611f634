package io.kafkatranslator.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The processor's own settings, each read from its one declaration ({@link Setting}), plus every Kafka
 * client and Streams setting, given as {@code kafka.<name>} and passed through unchanged (SASL/SSL included).
 */
public record ProcessorConfig(
        String inputTopic,
        String outputTopic,
        String deadLetterTopic,
        String latestTopic,
        String glossaryTopic,
        String memoryTopic,
        String correctionsTopic,
        Duration conversationIdle,
        int languageSwitchMessages,
        int batchMaxRequests,
        int batchMaxTokens,
        Duration batchMaxWait,
        int cacheSize,
        boolean acceptJson,
        OutputFormat outputFormat,
        boolean createTopics,
        int httpPort,
        int resultMaxBytes,
        Duration closeTimeout,
        Duration healthWindow,
        Duration healthStuck,
        Map<String, String> kafka) {

    public static final Setting<String> INPUT_TOPIC = Setting.text("processor.input.topic", "translation-requests", "requests");
    public static final Setting<String> OUTPUT_TOPIC = Setting.text("processor.output.topic", "translation-results",
            "results, keyed by conversation id");
    public static final Setting<String> DEAD_LETTER_TOPIC = Setting.text("processor.dead.letter.topic", "translation-dead-letters",
            "dead letters (also Kafka Streams' `errors.dead.letter.queue.topic.name`)");
    public static final Setting<String> LATEST_TOPIC = Setting.text("processor.latest.topic", "translation-latest",
            "compacted: the latest result of each message that has a `message_id`, keyed by it; a deleted message's is a "
            + "tombstone (\"Conversations\")");
    public static final Setting<String> GLOSSARY_TOPIC = Setting.text("processor.glossary.topic", "translation-glossary",
            "compacted: every tenant's glossary terms, read whole by every instance (\"Glossaries and translation memory\")");
    public static final Setting<String> MEMORY_TOPIC = Setting.text("processor.memory.topic", "translation-memory",
            "compacted: every tenant's translation memory (approved translations of whole messages), read whole by every "
            + "instance");
    public static final Setting<String> CORRECTIONS_TOPIC = Setting.text("processor.corrections.topic", "translation-corrections",
            "better translations people post of results; each valid one becomes a memory entry, an invalid one a dead letter");
    public static final Setting<Duration> CONVERSATION_IDLE_MS = Setting.millis("processor.conversation.idle.ms", 604_800_000,
            v -> v.toMillis() >= 60_000, "at least 60000", "a conversation without a message for this long is forgotten: its "
            + "senders' languages and its messages' versions (an edit after that is version 1 again)");
    public static final Setting<Integer> LANGUAGE_SWITCH_MESSAGES = Setting.integer("processor.conversation.language.switch.messages",
            2, v -> v > 0, "> 0", "a sender's usual language changes after this many of their messages in a row in another "
            + "language (detected with confidence, or given)");
    public static final Setting<Integer> BATCH_MAX_REQUESTS = Setting.integer("processor.batch.max.requests", 64, v -> v > 0,
            "> 0", "a micro-batch is translated when it holds this many requests");
    public static final Setting<Integer> BATCH_MAX_TOKENS = Setting.integer("processor.batch.max.tokens", 2048, v -> v > 0,
            "> 0", "… or this many source tokens");
    public static final Setting<Duration> BATCH_MAX_WAIT_MS = Setting.millis("processor.batch.max.wait.ms", 5,
            v -> !v.isNegative() && !v.isZero(), "> 0", "… or when it has been open this long (four times this long while "
            + "the stream thread reads a backlog: records produced more than a second before). Under load, batches fill long "
            + "before this; at a trickle it is pure latency. One batch per stream thread, filled by all its tasks");
    public static final Setting<Integer> CACHE_SIZE = Setting.integer("processor.cache.size", 10_000, v -> v >= 0, ">= 0",
            "the most recent translations an instance keeps, so that a repeated message is not decoded again (the key: pair, "
            + "model, text as written, decoding options, the conversation's names and the tenant's glossary terms that the text "
            + "holds); 0: none. "
            + "Hits and misses: `translator_cache_hits_total`, `translator_cache_misses_total`");
    public static final Setting<Boolean> ACCEPT_JSON = Setting.flag("processor.input.accept.json", false,
            "also accept requests as JSON objects with the request schema's field names");
    public static final Setting<OutputFormat> OUTPUT_FORMAT = new Setting<>("processor.output.format", OutputFormat.AVRO,
            "`avro`", OutputFormat::parse, v -> true, "", "results and dead letters as Avro single-object encoded records, or "
            + "`json`: plain JSON objects with the schema's field names (\"Running against a real cluster\")");
    public static final Setting<Integer> RESULT_MAX_BYTES = Setting.integer("processor.result.max.bytes", 524_288,
            v -> v >= 4096, "at least 4096", "the most bytes a result may take as serialised (checked before it is produced): "
            + "over it, the result keeps its translation and loses its alignments (tokens, words and blocks, "
            + "`alignment_dropped: true`); a result over it even then is dead-lettered (`RESULT_TOO_LARGE`). Must stay below "
            + "the producer's `max.request.size` (1 MB by default) and the output and dead-letter topics' "
            + "`max.message.bytes`, both checked at start-up");
    public static final Setting<Duration> CLOSE_TIMEOUT_MS = Setting.millis("processor.close.timeout.ms", 10_000,
            v -> v.toMillis() > 0, "> 0", "how long a stop (SIGTERM, Ctrl-C) waits for Kafka Streams to commit and close "
            + "before it gives up; the process exits within it even with the broker gone");
    public static final Setting<Duration> HEALTH_WINDOW_MS = Setting.millis("processor.health.window.ms", 30_000,
            v -> v.toMillis() > 0, "> 0", "`/health/ready` fails when the broker has been unreachable this long, when two "
            + "stream threads failed within this long, or when the input has lag while nothing was processed for this long "
            + "(\"Operating it\")");
    public static final Setting<Duration> HEALTH_STUCK_MS = Setting.millis("processor.health.stuck.ms", 300_000,
            v -> v.toMillis() > 0, "> 0", "`/health/live` fails when the instance has not been ready this long for any "
            + "reason but an unreachable broker (a restart cannot bring a broker back)");
    public static final Setting<Boolean> CREATE_TOPICS = Setting.flag("processor.create.topics", false,
            "`run` creates missing topics (broker defaults) instead of stopping with their names: for development");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("processor.http.port", 8080,
            v -> v >= -1 && v <= 65535, "a port, 0 for any free port or -1 for none",
            "the port of `/metrics`, `/health/live` and `/health/ready`; 0 for any free one, -1 for none");
    public static final String KAFKA_PREFIX = "kafka.";
    /** The producer's own default max.request.size. */
    private static final int PRODUCER_MAX_REQUEST_SIZE = 1_048_576;
    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    /** In README.md's order. */
    static final List<Setting<?>> SETTINGS = List.of(INPUT_TOPIC, OUTPUT_TOPIC, DEAD_LETTER_TOPIC, LATEST_TOPIC,
            GLOSSARY_TOPIC, MEMORY_TOPIC, CORRECTIONS_TOPIC, CONVERSATION_IDLE_MS, LANGUAGE_SWITCH_MESSAGES, BATCH_MAX_REQUESTS,
            BATCH_MAX_TOKENS, BATCH_MAX_WAIT_MS, CACHE_SIZE, ACCEPT_JSON, OUTPUT_FORMAT, RESULT_MAX_BYTES, CLOSE_TIMEOUT_MS, HEALTH_WINDOW_MS,
            HEALTH_STUCK_MS, CREATE_TOPICS, HTTP_PORT);

    /** Every topic setting, each topic named the prefix and its default name: a run's own topics on a shared broker. */
    public static Map<String, String> topicsPrefixed(String prefix) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Setting<String> topic : List.of(INPUT_TOPIC, OUTPUT_TOPIC, DEAD_LETTER_TOPIC, LATEST_TOPIC, GLOSSARY_TOPIC, MEMORY_TOPIC,
                CORRECTIONS_TOPIC)) {
            out.put(topic.key(), prefix + topic.defaultValue());
        }
        return out;
    }

    public static ProcessorConfig from(ConfigSource source) {
        ProcessorConfig config = new ProcessorConfig(
                INPUT_TOPIC.from(source),
                OUTPUT_TOPIC.from(source),
                DEAD_LETTER_TOPIC.from(source),
                LATEST_TOPIC.from(source),
                GLOSSARY_TOPIC.from(source),
                MEMORY_TOPIC.from(source),
                CORRECTIONS_TOPIC.from(source),
                CONVERSATION_IDLE_MS.from(source),
                LANGUAGE_SWITCH_MESSAGES.from(source),
                BATCH_MAX_REQUESTS.from(source),
                BATCH_MAX_TOKENS.from(source),
                BATCH_MAX_WAIT_MS.from(source),
                CACHE_SIZE.from(source),
                ACCEPT_JSON.from(source),
                OUTPUT_FORMAT.from(source),
                CREATE_TOPICS.from(source),
                HTTP_PORT.from(source),
                RESULT_MAX_BYTES.from(source),
                CLOSE_TIMEOUT_MS.from(source),
                HEALTH_WINDOW_MS.from(source),
                HEALTH_STUCK_MS.from(source),
                source.withPrefix(KAFKA_PREFIX));
        // What no single setting can check alone.
        int maxRequestSize = config.maxRequestSize();
        TranslatorConfig.require(config.resultMaxBytes < maxRequestSize,
                RESULT_MAX_BYTES.key() + " must be below the producer's max.request.size (" + maxRequestSize + ")");
        TranslatorConfig.require(config.healthStuck.compareTo(config.healthWindow) > 0,
                HEALTH_STUCK_MS.key() + " must be longer than " + HEALTH_WINDOW_MS.key());
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

    /**
     * The processor's topics for a development broker: the requests, results and latest translations over this many
     * partitions, the dead letters, the glossary, the memory and the corrections over one (the latest translations,
     * the glossary and the memory compacted).
     */
    public List<NewTopic> newTopics(int partitions) {
        return List.of(new NewTopic(inputTopic, partitions, (short) 1), new NewTopic(outputTopic, partitions, (short) 1),
                new NewTopic(deadLetterTopic, 1, (short) 1), new NewTopic(latestTopic, partitions, (short) 1)
                        .configs(COMPACTED),
                new NewTopic(glossaryTopic, 1, (short) 1).configs(COMPACTED),
                new NewTopic(memoryTopic, 1, (short) 1).configs(COMPACTED), new NewTopic(correctionsTopic, 1, (short) 1));
    }

    /** The topics the processor reads and writes. */
    public List<String> topics() {
        return List.of(inputTopic, outputTopic, deadLetterTopic, latestTopic, glossaryTopic, memoryTopic, correctionsTopic);
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
