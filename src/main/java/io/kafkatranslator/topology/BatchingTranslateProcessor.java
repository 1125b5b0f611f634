package io.kafkatranslator.topology;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.ErrorCode;
import io.kafkatranslator.engine.InputValidator;
import io.kafkatranslator.engine.Preparation;
import io.kafkatranslator.engine.PreparedMessage;
import io.kafkatranslator.engine.Quality;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.schema.LanguageDetection;
import io.kafkatranslator.schema.PendingRequest;
import io.kafkatranslator.schema.ProtectedSpanCopy;
import io.kafkatranslator.schema.ScoredTranslation;
import io.kafkatranslator.schema.Segment;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Micro-batching that can neither lose nor repeat a translation. Requests wait in a changelogged
 * state store, under increasing sequence numbers, not in a heap list. A batch is translated when it
 * holds N requests or T source tokens, or when its oldest request has waited W ms (a wall-clock
 * punctuator); its results are forwarded in arrival order and its requests deleted from the store.
 * Under exactly_once_v2 the store's changelog, the results, the dead letters and the input offsets
 * of a task commit in one Kafka transaction: after a crash at any moment, either all of a batch's
 * effects are visible or none are, and the restored store plus the re-read input hold exactly the
 * requests that have no committed result yet. A message is prepared (validated, segmented,
 * tokenised) once, as it arrives: text that cannot be translated goes to the dead letters at once,
 * and the prepared form waits on the heap beside its stored request (prepared again only after a restart).
 * Each request is first routed (LanguageRouter): to the model of its language pair, or, already in
 * its target language or in a language that cannot be told, to no model; it still waits its turn in
 * the batch, so that a conversation's results keep its order. A batch is translated model by model:
 * no model call mixes two pairs.
 */
final class BatchingTranslateProcessor implements Processor<String, PendingRequest, Object, Object> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchingTranslateProcessor.class);
    private final Supplier<Map<LanguagePair, BatchTranslator>> translatorFactory;
    private final LanguageRouter router;
    private final DecodingOptions defaults;
    private final Map<Long, Routed> prepared = new HashMap<>();
    private final int maxRequests;
    private final int maxTokens;
    private final Duration maxWait;
    private final TranslationMetrics metrics;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<Long, PendingRequest> store;
    private Map<LanguagePair, BatchTranslator> translators;
    private long nextSequence;
    private int pendingRequests;
    private int pendingTokens;
    private long oldestArrival;

    /**
     * A request's route and, for a model, its prepared message (null when no model runs it), or the
     * error that sends it to the dead letters.
     */
    private record Routed(LanguageRouter.Route route, PreparedMessage message, TranslationError error) {
        LanguagePair pair() {
            return route instanceof LanguageRouter.ToModel m ? m.pair() : null;
        }
    }

    /** Requests translated by one model call: the same model and the same decoding options. */
    private record Group(LanguagePair pair, DecodingOptions options) {
    }

    BatchingTranslateProcessor(Supplier<Map<LanguagePair, BatchTranslator>> translatorFactory, LanguageRouter router,
                               DecodingOptions defaults, int maxRequests, int maxTokens, Duration maxWait,
                               TranslationMetrics metrics) {
        this.translatorFactory = translatorFactory;
        this.router = router;
        this.defaults = defaults;
        this.metrics = metrics;
        this.maxRequests = maxRequests;
        this.maxTokens = maxTokens;
        this.maxWait = maxWait;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.store = context.getStateStore(TranslationTopology.PENDING_STORE);
        this.translators = translatorFactory.get();
        // After a restart the store holds the requests of the last committed state: count them again.
        try (KeyValueIterator<Long, PendingRequest> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, PendingRequest> kv = it.next();
                nextSequence = kv.key + 1;
                account(kv.value);
            }
        }
        Duration tick = Duration.ofMillis(Math.max(1, maxWait.toMillis() / 2));
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (pendingRequests > 0 && now - oldestArrival >= maxWait.toMillis()) {
                flush(now);
            }
        });
    }

    @Override
    public void process(Record<String, PendingRequest> record) {
        PendingRequest pending = record.value();
        Routed routed = prepare(pending.getRequest());
        if (routed.error() != null) {
            deadLetter(pending, routed.error(), context.currentSystemTimeMs());
            return;
        }
        pending.setSourceTokens(routed.message() == null ? 0 : routed.message().sourceTokens());
        prepared.put(nextSequence, routed);
        store.put(nextSequence++, pending);
        account(pending);
        if (pendingRequests >= maxRequests || pendingTokens >= maxTokens) {
            flush(context.currentSystemTimeMs());
        }
    }

    /** The request routed and, for a model, prepared by it. */
    private Routed prepare(TranslationRequest request) {
        LanguageRouter.Route route = router.route(request.getSourceLanguage(), request.getTargetLanguage(), request.getText());
        if (route instanceof LanguageRouter.Unsupported u) {
            return new Routed(route, null, new TranslationError(ErrorCode.UNSUPPORTED_LANGUAGE_PAIR, String.format(Locale.ROOT,
                    "the message was detected as %s (confidence %.2f), which no loaded model translates into %s",
                    u.source(), u.detection().confidence(), u.target())));
        }
        if (route instanceof LanguageRouter.ToModel m) {
            Preparation p = translators.get(m.pair()).prepare(request.getText());
            return p instanceof TranslationError e ? new Routed(route, null, e) : new Routed(route, (PreparedMessage) p, null);
        }
        return new Routed(route, null, InputValidator.check(request.getText()));
    }

    private void account(PendingRequest pending) {
        if (pendingRequests == 0) {
            oldestArrival = pending.getArrivedAt().toEpochMilli();
        }
        pendingRequests++;
        pendingTokens += pending.getSourceTokens();
    }

    private void flush(long now) {
        List<KeyValue<Long, PendingRequest>> batch = new ArrayList<>();
        try (KeyValueIterator<Long, PendingRequest> it = store.all()) {
            it.forEachRemaining(batch::add);
        }
        TranslationOutcome[] outcomes = new TranslationOutcome[batch.size()];
        Routed[] routes = new Routed[batch.size()];
        // One engine call per model and distinct set of options (requests may ask for their own decoding).
        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            KeyValue<Long, PendingRequest> kv = batch.get(i);
            // Only after a restart is a stored request not prepared yet.
            routes[i] = prepared.containsKey(kv.key) ? prepared.get(kv.key) : prepare(kv.value.getRequest());
            if (routes[i].error() != null) {
                outcomes[i] = routes[i].error();
            } else if (routes[i].message() == null) {
                outcomes[i] = Translation.unchanged(kv.value.getRequest().getText());
            } else {
                // Checked when the request was decoded, by the same rule.
                Group group = new Group(routes[i].pair(), RequestDecoder.options(defaults, kv.value.getRequest()));
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
        }
        long start = System.nanoTime();
        groups.forEach((group, members) -> translate(group, members, routes, outcomes));
        long decodingMs = (System.nanoTime() - start) / 1_000_000;
        // Streams' cached clock does not move while a punctuator or process() call runs.
        long end = now + decodingMs;
        long targetTokens = 0;
        long unknowns = 0;
        for (int i = 0; i < batch.size(); i++) {
            PendingRequest pending = batch.get(i).value;
            if (outcomes[i] instanceof Translation t) {
                TranslationResult result = result(pending, routes[i], t, now, decodingMs, end);
                metrics.result(result.getTimings().getQueuedMs(), result.getTimings().getEndToEndMs());
                targetTokens += t.targetPieces().size();
                unknowns += t.unknownsReplaced();
                context.forward(new Record<Object, Object>(pending.getRequest().getConversationId(), result, end),
                        TranslationTopology.RESULTS);
            } else {
                deadLetter(pending, (TranslationError) outcomes[i], end);
            }
            store.delete(batch.get(i).key);
            prepared.remove(batch.get(i).key);
        }
        metrics.batch(batch.size(), decodingMs, targetTokens, unknowns);
        LOG.debug("translated a batch of {} requests in {} ms", batch.size(), decodingMs);
        pendingRequests = 0;
        pendingTokens = 0;
        // read_committed readers see the results only once their transaction commits: commit now,
        // not at the next commit.interval.ms. Under load batches are large, so transactions stay few.
        context.commit();
    }

    private void deadLetter(PendingRequest pending, TranslationError error, long now) {
        metrics.deadLetter(error.code().name());
        byte[] key = pending.getOriginalKey() == null ? null : bytes(pending.getOriginalKey());
        context.forward(new Record<Object, Object>(key, DeadLetters.of(pending, error, now), now, DeadLetters.headers(error)),
                TranslationTopology.DEAD_LETTERS);
    }

    private void translate(Group group, List<Integer> members, Routed[] routes, TranslationOutcome[] outcomes) {
        List<PreparedMessage> messages = members.stream().map(i -> routes[i].message()).toList();
        try {
            List<TranslationOutcome> out = translators.get(group.pair()).translate(messages, group.options());
            for (int m = 0; m < members.size(); m++) {
                outcomes[members.get(m)] = out.get(m);
            }
        } catch (RuntimeException e) {
            // Never retry forever: a batch the engine cannot translate goes to the dead letters.
            for (int i : members) {
                outcomes[i] = new TranslationError(ErrorCode.TRANSLATION_FAILED, "the translation engine failed: " + e);
            }
        }
    }

    private TranslationResult result(PendingRequest pending, Routed routed, Translation t, long batchStart, long decodingMs,
                                     long end) {
        TranslationRequest request = pending.getRequest();
        LanguageRouter.Route route = routed.route();
        BatchTranslator model = routed.pair() == null ? null : translators.get(routed.pair());
        String source = route instanceof LanguageRouter.SameLanguage same ? same.language()
                : routed.pair() == null ? null : routed.pair().source();
        String untranslated = route instanceof LanguageRouter.SameLanguage ? "SAME_LANGUAGE"
                : route instanceof LanguageRouter.Undetected ? "LANGUAGE_NOT_DETECTED" : null;
        LanguageDetector.Detection detection = route.detection();
        Long endToEnd = request.getClientTimestamp() == null ? null : end - request.getClientTimestamp().toEpochMilli();
        return TranslationResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setConversationId(request.getConversationId())
                .setTranslation(t.text())
                .setScore(t.score())
                .setNbest(t.nbest().stream().map(n -> new ScoredTranslation(n.text(), n.score())).toList())
                .setSourceTokens(t.sourcePieces())
                .setTargetTokens(t.targetPieces())
                .setAlignment(matrix(t.alignment()))
                .setSourceWords(t.sourceWords())
                .setTargetWords(t.targetWords())
                .setWordAlignment(matrix(t.wordAlignment()))
                .setQuality(quality(t.quality()))
                .setSegments(t.segments().stream().map(s -> new Segment(s.sourceStart(), s.sourceEnd(), s.targetStart(),
                        s.targetEnd(), s.translated(), quality(s.quality()))).toList())
                .setProtectedSpans(t.spans().stream().map(s -> new ProtectedSpanCopy(s.kind().name(), s.sourceStart(),
                        s.sourceEnd(), s.targetStart(), s.targetEnd())).toList())
                .setModelName(model == null ? "" : model.modelName())
                .setModelVersion(model == null ? "" : model.modelVersion())
                .setSourceLanguage(source)
                .setTargetLanguage(request.getTargetLanguage())
                .setLanguageDetection(detection == null ? null
                        : new LanguageDetection(detection.language(), detection.confidence()))
                .setUntranslatedReason(untranslated)
                .setTimings(new Timings(Math.max(0, batchStart - pending.getArrivedAt().toEpochMilli()), decodingMs, endToEnd))
                .build();
    }

    private static io.kafkatranslator.schema.Quality quality(Quality q) {
        return q == null ? null : new io.kafkatranslator.schema.Quality(q.meanLogProb(), q.coverage(), q.lowConfidence());
    }

    private static List<List<Float>> matrix(float[][] m) {
        List<List<Float>> rows = new ArrayList<>(m.length);
        for (float[] row : m) {
            List<Float> r = new ArrayList<>(row.length);
            for (float v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        return rows;
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Override
    public void close() {
        if (translators != null) {
            translators.values().forEach(BatchTranslator::close);
        }
    }
}
