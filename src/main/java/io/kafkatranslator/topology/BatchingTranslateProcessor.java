package io.kafkatranslator.topology;

import io.kafkatranslator.conversation.ConversationMemory;
import io.kafkatranslator.policy.Glossary;
import io.kafkatranslator.policy.PolicyTopic;
import io.kafkatranslator.policy.TenantPolicy;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.route.BatchTranslator;
import io.kafkatranslator.route.RoutedRequest;
import io.kafkatranslator.schema.ConversationState;
import io.kafkatranslator.schema.LanguageDetection;
import io.kafkatranslator.schema.PendingRequest;
import io.kafkatranslator.schema.Timings;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Micro-batching that can neither lose nor repeat a translation. Requests wait in a changelogged
 * state store, under increasing sequence numbers, and in their stream thread's batch
 * ({@link ThreadBatch}, shared by the thread's tasks), which is translated when it holds N requests or
 * T source tokens, or when it has been open W ms (a wall-clock punctuator). Each task
 * forwards its own results, in arrival order, and deletes their requests from its store in the same
 * callback. Under exactly_once_v2 the store's changelog, the results, the dead letters and the input
 * offsets commit in one Kafka transaction: after a crash at any moment, either all of a result's
 * effects are visible or none are, and the restored store plus the re-read input hold exactly the
 * requests that have no committed result yet. A message is prepared (validated, segmented,
 * tokenised) once, as it arrives: text that cannot be translated goes to the dead letters at once.
 * Each request is first routed ({@link io.kafkatranslator.route.Routing}): to the model of its language pair, or, already in
 * its target language or in a language that cannot be told, to no model; it still waits its turn in
 * the batch, so that a conversation's results keep its order. No model call mixes two pairs.
 * What the task remembers of each conversation ({@link ConversationMemory}) is in a second changelogged
 * store, read and written in the same transactions: each sender's usual language, learnt as their
 * requests arrive and used for a message whose own cannot be detected; the participants' names, kept
 * as names in later messages (both carried by the pending request, so that one restored from the
 * store is prepared as it first was); and each message id's version,
 * counted as its results are forwarded, each of which also goes, keyed by the message id, to the
 * compacted latest-translations topic (a deletion as a tombstone). A conversation idle for
 * processor.conversation.idle.ms is forgotten. The tenant's policy is read from the global stores as a request
 * is routed: a message its translation memory holds is answered from it, the others are prepared with its
 * glossary's terms; both versions go into the result.
 */
final class BatchingTranslateProcessor implements Processor<String, PendingRequest, Object, Object>, ThreadBatch.Member {
    /** How often a task looks for its outcomes and its thread's batch deadline: outcomes wait at most this long. */
    private static final Duration TICK = Duration.ofMillis(1);
    /** How often idle conversations are looked for (processor.conversation.idle.ms is a minute at least). */
    private static final Duration SWEEP = Duration.ofMinutes(1);
    private final ThreadBatches batches;
    private final TranslationMetrics metrics;
    private final ResultBudget budget;
    private final RefusedResults refusals;
    private final DecodingOptions defaults;
    private final ConversationMemory memory;
    private final Duration idle;
    private final List<ThreadBatch.Completed> ready = new ArrayList<>();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<Long, PendingRequest> store;
    private KeyValueStore<String, ConversationState> conversations;
    private KeyValueStore<String, String> glossary;
    private KeyValueStore<String, String> translationMemory;
    private ThreadBatch batch;
    private long nextSequence;

    BatchingTranslateProcessor(ThreadBatches batches, DecodingOptions defaults, ConversationMemory memory, Duration idle,
                               ResultBudget budget, RefusedResults refusals, TranslationMetrics metrics) {
        this.batches = batches;
        this.defaults = defaults;
        this.memory = memory;
        this.idle = idle;
        this.budget = budget;
        this.refusals = refusals;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.store = context.getStateStore(TranslationTopology.PENDING_STORE);
        this.conversations = context.getStateStore(TranslationTopology.CONVERSATION_STORE);
        this.glossary = context.getStateStore(TranslationTopology.GLOSSARY_STORE);
        this.translationMemory = context.getStateStore(TranslationTopology.MEMORY_STORE);
        this.batch = batches.join();
        // After a restart the store holds the requests of the last committed state: they wait again.
        long restartedAt = context.currentSystemTimeMs();
        try (KeyValueIterator<Long, PendingRequest> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, PendingRequest> kv = it.next();
                nextSequence = kv.key + 1;
                batch.add(new ThreadBatch.Entry(this, kv.key, kv.value, prepare(kv.value)), restartedAt, restartedAt);
            }
        }
        context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, now -> {
            batch.flushIfDue(now);
            forwardReady(now);
        });
        context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, this::forgetIdle);
    }

    private void forgetIdle(long now) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, ConversationState> it = conversations.all()) {
            it.forEachRemaining(kv -> {
                if (ConversationMemory.idle(kv.value, now, idle.toMillis())) {
                    forgotten.add(kv.key);
                }
            });
        }
        forgotten.forEach(conversations::delete);
    }

    @Override
    public void process(Record<String, PendingRequest> record) {
        long now = context.currentSystemTimeMs();
        forwardReady(now);
        PendingRequest pending = record.value();
        TranslationRequest request = pending.getRequest();
        ConversationState stored = conversations.get(request.getConversationId());
        ConversationState conversation = stored == null ? ConversationMemory.fresh(now) : stored;
        boolean changed = stored == null | ConversationMemory.heardAt(conversation, now, idle.toMillis());
        pending.setParticipantLanguage(memory.usualLanguage(conversation, request.getSender()));
        changed |= memory.learnNames(conversation, request.getSender(), request.getText());
        pending.setConversationNames(conversation.getNames());
        pending.setConversationRegister(conversation.getRegister());
        RoutedRequest routed = prepare(pending);
        String shown = ConversationMemory.shownLanguage(request.getSourceLanguage(), routed.detection());
        changed |= memory.learn(conversation, request.getSender(), shown);
        changed |= memory.learnRegister(conversation, shown, request.getText());
        // Most messages of a conversation change nothing in its state: they cost no write to the store and its changelog.
        if (changed) {
            conversations.put(request.getConversationId(), conversation);
        }
        if (routed instanceof RoutedRequest.Rejected rejected) {
            deadLetter(pending, rejected.error(), now);
            return;
        }
        pending.setSourceTokens(routed instanceof RoutedRequest.ToModel m ? m.message().sourceTokens() : 0);
        store.put(nextSequence, pending);
        batch.add(new ThreadBatch.Entry(this, nextSequence++, pending, routed), now, record.timestamp());
        forwardReady(now);
    }

    /**
     * The request routed and, for a model, prepared, with its decoding options: checked when it was decoded, resolved
     * again only for a request restored from the store, which the defaults may no longer fit if they changed. A
     * formality left auto by the request and the configuration is the conversation's register. The tenant's policy is
     * read as it is now, and its versions noted for the result.
     */
    private RoutedRequest prepare(PendingRequest pending) {
        TranslationRequest request = pending.getRequest();
        pending.setPolicyVersion(PolicyTopic.version(glossary, request.getTenant()));
        pending.setMemoryVersion(PolicyTopic.version(translationMemory, request.getTenant()));
        if (RequestDecoder.DELETE.equals(request.getOperation())) {
            return new RoutedRequest.Withdrawn();
        }
        DecodingOptions options;
        try {
            options = RequestDecoder.options(defaults, request);
            if (options.formality() == Formality.AUTO) {
                options = options.withFormality(ConversationMemory.register(pending.getConversationRegister()));
            }
        } catch (IllegalArgumentException e) {
            return new RoutedRequest.Rejected(new TranslationError(ErrorCode.INVALID_REQUEST, "options: " + e.getMessage()));
        }
        return batch.routing().route(request.getSourceLanguage(), pending.getParticipantLanguage(), request.getTargetLanguage(),
                request.getText(), options, java.util.Set.copyOf(pending.getConversationNames()),
                TenantPolicy.stored(glossary, translationMemory, request.getTenant()));
    }

    @Override
    public void completed(List<ThreadBatch.Completed> outcomes) {
        ready.addAll(outcomes);
    }

    /** This task's translated requests: their results (or dead letters) forwarded and their requests deleted. */
    private void forwardReady(long now) {
        if (ready.isEmpty()) {
            return;
        }
        for (ThreadBatch.Completed c : ready) {
            PendingRequest pending = c.entry().pending();
            // Streams' cached clock does not move while a punctuator or process() call runs.
            long end = Math.max(now, c.batchStart() + c.decodingMs());
            String refused = refusals.take(pending.getRequest().getRequestId());
            if (refused != null) {
                deadLetter(pending, new TranslationError(ErrorCode.RESULT_NOT_WRITTEN, refused), end);
            } else if (c.outcome() instanceof Translation t) {
                TranslationResult result = result(pending, c.entry().routed(), t, c.batchStart(), c.decodingMs(), end);
                version(result);
                byte[] bytes = budget.fit(result);
                if (bytes == null) {
                    deadLetter(pending, new TranslationError(ErrorCode.RESULT_TOO_LARGE, String.format(Locale.ROOT,
                            "the translation of a %d-character message is over processor.result.max.bytes (%d) even without "
                                    + "its alignments", pending.getRequest().getText().length(), budget.maxBytes())), end);
                } else {
                    metrics.result(result.getTimings().getQueuedMs(), result.getTimings().getEndToEndMs());
                    context.forward(new Record<Object, Object>(pending.getRequest().getConversationId(), bytes, end),
                            TranslationTopology.RESULTS);
                    if (result.getMessageId() != null) {
                        context.forward(new Record<Object, Object>(result.getMessageId(), result.getDeleted() ? null : bytes, end),
                                TranslationTopology.LATEST);
                    }
                }
            } else {
                deadLetter(pending, (TranslationError) c.outcome(), end);
            }
            store.delete(c.entry().sequence());
        }
        ready.clear();
        // read_committed readers see the results only once their transaction commits: commit now,
        // not at the next commit.interval.ms. Under load batches are large, so transactions stay few.
        context.commit();
    }

    /** A result of a message with an id: its operation and version, counted in its conversation's state. */
    private void version(TranslationResult result) {
        if (result.getMessageId() == null) {
            return;
        }
        ConversationState state = conversations.get(result.getConversationId());
        if (state == null) {
            state = ConversationMemory.fresh(context.currentSystemTimeMs());
        }
        result.setVersion(memory.nextVersion(state, result.getMessageId()));
        conversations.put(result.getConversationId(), state);
    }

    private void deadLetter(PendingRequest pending, TranslationError error, long now) {
        metrics.deadLetter(error.code().name());
        byte[] key = pending.getOriginalKey() == null ? null : bytes(pending.getOriginalKey());
        context.forward(new Record<Object, Object>(key, DeadLetters.of(pending, error, now), now, DeadLetters.headers(error)),
                TranslationTopology.DEAD_LETTERS);
    }

    private TranslationResult result(PendingRequest pending, RoutedRequest routed, Translation t, long batchStart, long decodingMs,
                                     long end) {
        TranslationRequest request = pending.getRequest();
        LanguagePair pair = routed instanceof RoutedRequest.OfModel m ? m.pair() : null;
        BatchTranslator model = pair == null ? null : batch.routing().translator(pair);
        String source = pair != null ? pair.source()
                : routed instanceof RoutedRequest.Unchanged u && u.route() instanceof LanguageRouter.SameLanguage same ? same.language()
                : null;
        String untranslated = routed instanceof RoutedRequest.Unchanged u ? u.reason() : null;
        LanguageDetector.Detection detection = routed.detection();
        Long endToEnd = request.getClientTimestamp() == null ? null : end - request.getClientTimestamp().toEpochMilli();
        return TranslationResults.of(t)
                .setRequestId(request.getRequestId())
                .setConversationId(request.getConversationId())
                .setSourceText(request.getText())
                .setModelName(model == null ? "" : model.modelName())
                .setModelVersion(model == null ? "" : model.modelVersion())
                .setSourceLanguage(source)
                .setTargetLanguage(request.getTargetLanguage())
                .setLanguageDetection(detection == null ? null
                        : new LanguageDetection(detection.language(), detection.confidence()))
                .setUntranslatedReason(untranslated)
                .setSender(request.getSender())
                .setMessageId(request.getMessageId())
                .setOperation(request.getMessageId() == null ? null
                        : request.getOperation() == null ? RequestDecoder.CREATE : request.getOperation())
                .setDeleted(routed instanceof RoutedRequest.Withdrawn)
                .setParticipantLanguage(pending.getParticipantLanguage())
                .setTenant(request.getTenant())
                .setPolicyVersion(pending.getPolicyVersion())
                .setMemoryVersion(pending.getMemoryVersion())
                .setOrigin(t.origin().name())
                .setFormality(routed instanceof RoutedRequest.ToModel m && m.options().formality() != Formality.AUTO
                        ? m.options().formality().toString() : null)
                .setUnhonouredTerms(routed instanceof RoutedRequest.ToModel m
                        ? Glossary.unhonoured(m.context().relevantTo(request.getText()).terms(), request.getText(), t.text())
                        : List.of())
                .setTimings(new Timings(Math.max(0, batchStart - pending.getArrivedAt().toEpochMilli()), decodingMs, endToEnd))
                .build();
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Override
    public void close() {
        // Outcomes not forwarded yet are dropped with the task: their requests are still in its store.
        if (batch != null) {
            batch.leave(this);
        }
    }
}
