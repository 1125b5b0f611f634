package io.kafkatranslator.topology;

import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.conversation.ConversationMemory;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.route.BatchTranslator;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.policy.PolicyTopic;
import io.kafkatranslator.schema.ConversationState;
import io.kafkatranslator.schema.DeadLetter;
import io.kafkatranslator.schema.PendingRequest;
import io.kafkatranslator.schema.TranslationResult;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The processor, top to bottom:
 * <pre>
 *   input topic (bytes)
 *     → decode and validate      — undecodable, unknown schema, invalid ids, codes or options, pair no model serves → dead letters
 *     → route and prepare         — source language detected where not given; already in the target language or
 *                                   undetectable: no model; else the model's preparation (sentences, spans, pieces);
 *                                   bad text, a detected language no model serves → dead letters
 *     → micro-batch               — changelogged store per task, one batch per stream thread across its tasks;
 *                                   flush at N requests, T tokens or W ms
 *     → translate                 — model by model, every sentence of the batch in token-budgeted batches, messages
 *                                   reassembled; engine failure → dead letters
 *     → output topic              — keyed by conversation id, in arrival order per conversation; a message with an id
 *                                   also to the compacted latest-translations topic, keyed by it
 * </pre>
 * The batcher also keeps each conversation's state (senders' languages, message versions) in a store of its own,
 * and reads each tenant's glossary and translation memory from global stores that every instance fills from their
 * topics. Beside it, corrections people post become memory entries:
 * <pre>
 *   corrections topic → parse         — not a correction → dead letters
 *                     → memory topic  — the tenant's entry for that source (compacted; read back into the memory store)
 * </pre>
 * A result is serialised within processor.result.max.bytes before it is forwarded (over it, its alignments
 * are dropped, never its text); one that Kafka still refuses to write is dead-lettered when its request is
 * processed again (ResultProductionHandler, RefusedResults).
 * Requests must be keyed by conversation id, so that a conversation stays in one partition and one
 * task: its results then come out in the order its requests went in. Anything a processor throws
 * unexpectedly goes through Kafka Streams' processing-exception handler into the same dead-letter
 * topic (Streams' own format: original bytes, with the exception in its headers).
 */
public final class TranslationTopology {
    static final String SOURCE = "requests";
    static final String DECODER = "decode-and-validate";
    static final String BATCHER = "batch-and-translate";
    static final String RESULTS = "results";
    static final String DEAD_LETTERS = "dead-letters";
    static final String LATEST = "latest";
    static final String PENDING_STORE = "pending-requests";
    static final String CONVERSATION_STORE = "conversations";
    static final String GLOSSARY_STORE = "glossary";
    static final String MEMORY_STORE = "memory";
    static final String CORRECTIONS = "corrections";
    static final String CORRECTOR = "correct";
    static final String MEMORY_WRITES = "memory-writes";

    private TranslationTopology() {
    }

    /**
     * translators: one per model, by the pair it serves, for each stream thread (each opens its own sessions);
     * refusals: the same instance as in {@link #streamsProperties}.
     */
    public static Topology build(ProcessorConfig config, LanguageRouter router, DecodingOptions defaults,
                                 Supplier<Map<LanguagePair, BatchTranslator>> translators, RefusedResults refusals,
                                 TranslationMetrics metrics) {
        AvroSerde<PendingRequest> pending = new AvroSerde<>(PendingRequest.getClassSchema());
        ReleasedSchemas.pendingRequests().forEach(pending::readingAlso);
        Serializer<TranslationResult> results = new OutputCodec<TranslationResult>(TranslationResult.getClassSchema())
                .serializer(config.outputFormat());
        Serializer<DeadLetter> deadLetters = new OutputCodec<DeadLetter>(DeadLetter.getClassSchema())
                .serializer(config.outputFormat());
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), config.inputTopic());
        topology.addProcessor(DECODER, () -> new DecodeProcessor(
                new RequestDecoder(config.acceptJson(), router.pairs(), defaults), metrics), SOURCE);
        ThreadBatches batches = new ThreadBatches(router, translators, config.batchMaxRequests(), config.batchMaxTokens(),
                config.batchMaxWait(), config.cacheSize(), metrics);
        ResultBudget budget = new ResultBudget(results, config.outputTopic(), config.resultMaxBytes());
        ConversationMemory memory = new ConversationMemory(config.languageSwitchMessages());
        topology.addProcessor(BATCHER, () -> new BatchingTranslateProcessor(batches, defaults, memory, config.conversationIdle(),
                budget, refusals, metrics), DECODER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_STORE), Serdes.Long(), pending), BATCHER);
        AvroSerde<ConversationState> states = new AvroSerde<>(ConversationState.getClassSchema());
        ReleasedSchemas.conversationStates().forEach(states::readingAlso);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONVERSATION_STORE), Serdes.String(),
                states), BATCHER);
        topology.addSink(RESULTS, config.outputTopic(), new StringSerializer(), new ByteArraySerializer(), BATCHER);
        topology.addSink(LATEST, config.latestTopic(), new StringSerializer(), new ByteArraySerializer(), BATCHER);
        addPolicyStore(topology, GLOSSARY_STORE, config.glossaryTopic(), PolicyTopic.GLOSSARY);
        addPolicyStore(topology, MEMORY_STORE, config.memoryTopic(), PolicyTopic.MEMORY);
        topology.addSource(CORRECTIONS, new ByteArrayDeserializer(), new ByteArrayDeserializer(), config.correctionsTopic());
        topology.addProcessor(CORRECTOR, () -> new CorrectionProcessor(metrics), CORRECTIONS);
        topology.addSink(MEMORY_WRITES, config.memoryTopic(), new StringSerializer(), new StringSerializer(), CORRECTOR);
        topology.addSink(DEAD_LETTERS, config.deadLetterTopic(), new ByteArraySerializer(), deadLetters,
                DECODER, BATCHER, CORRECTOR);
        return topology;
    }

    /** A policy topic read whole into a global store on every instance: its own topic is its changelog. */
    private static void addPolicyStore(Topology topology, String store, String topic, PolicyTopic records) {
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                        Serdes.String()).withLoggingDisabled(), store + "-source", new StringDeserializer(), new StringDeserializer(),
                topic, store + "-updater", () -> new PolicyUpdater(store, records));
    }

    /** Streams settings: the processor's defaults, then every kafka.* setting of the configuration on top. */
    public static Properties streamsProperties(ProcessorConfig config, RefusedResults refusals) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "kafka-translator");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // read_committed consumers see a result only when its transaction commits: Streams' 100 ms
        // default for exactly-once would be most of a chat user's latency budget.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
        // Wall-clock punctuators (the batch deadline) only fire between polls: a 100 ms poll would
        // hold a waiting batch far past its processor.batch.max.wait.ms.
        props.put(StreamsConfig.POLL_MS_CONFIG, 5);
        // A transaction's first write is refused (CONCURRENT_TRANSACTIONS) while the previous one's
        // markers are still being written; the producer's 100 ms default backoff then held every
        // result behind it: p99 at 100 requests/s was 151 ms instead of 78 (README). Backoff still grows
        // exponentially (retry.backoff.max.ms) when the broker is really away.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 5);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ResultProductionHandler.class);
        props.put(RefusedResults.PROPERTY, refusals);
        props.putAll(config.kafkaProperties());
        return props;
    }
}
