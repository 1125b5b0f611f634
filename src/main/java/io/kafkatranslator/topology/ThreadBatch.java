package io.kafkatranslator.topology;

import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.route.RoutedRequest;
import io.kafkatranslator.route.Routing;
import io.kafkatranslator.schema.PendingRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The micro-batch of one stream thread, shared by every task the thread runs. A thread runs its tasks
 * one after another: with a batch per task, a full batch of one task was followed by a small one of
 * another whose deadline had passed meanwhile. Here requests of all the thread's tasks fill one batch,
 * translated when it holds N requests or T source tokens or has been open W ms (see flushIfDue), by the
 * thread's {@link Routing} (one model call per model and set of decoding options). A task may forward only from its own callbacks, so
 * each task gets its requests' outcomes back (in its arrival order) and forwards them itself, at its
 * next process() or punctuation; under exactly_once_v2 a thread's tasks share one producer and commit
 * in one transaction. Used only by its stream thread, as the tasks are.
 */
final class ThreadBatch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ThreadBatch.class);
    private static final int BACKLOG_WAITS = 4;
    private static final long BACKLOG_LAG_MS = 1000;

    /** A task's side: receives the outcomes of its own requests. */
    interface Member {
        void completed(List<Completed> outcomes);
    }

    /** A request of a member task, under its sequence number in that task's store. */
    record Entry(Member member, long sequence, PendingRequest pending, RoutedRequest routed) {
    }

    /** batchStart: when the batch was formed (the end of the request's wait); decodingMs: how long it took. */
    record Completed(Entry entry, TranslationOutcome outcome, long batchStart, long decodingMs) {
    }

    private final Routing routing;
    private final LongSupplier nanoTime;
    private final int maxRequests;
    private final int maxTokens;
    private final long maxWaitMs;
    private final TranslationMetrics metrics;
    private final Runnable onClose;
    private final List<Entry> entries = new ArrayList<>();
    private int tokens;
    private int members;
    /** When the first request of the batch joined it. */
    private long openedAt;
    /**
     * Streams' clock is read once per round of records and per punctuation, so it stands still while a
     * batch is translated: the time the last translation ended, below which the clock cannot be.
     */
    private long clockFloor;
    /** The last request to join was produced more than BACKLOG_LAG before: the thread is reading a backlog. */
    private boolean backlog;

    /** nanoTime: the clock that times each translation (System::nanoTime; a test's own, so that its timings are its own). */
    ThreadBatch(Routing routing, int maxRequests, int maxTokens, Duration maxWait, TranslationMetrics metrics,
                Runnable onClose, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.routing = routing;
        this.maxRequests = maxRequests;
        this.maxTokens = maxTokens;
        this.maxWaitMs = maxWait.toMillis();
        this.metrics = metrics;
        this.onClose = onClose;
    }

    void join() {
        members++;
    }

    /** A task closes: its waiting requests leave with it (they are in its store for whoever runs the task next). */
    void leave(Member member) {
        entries.removeIf(e -> e.member() == member);
        tokens = entries.stream().mapToInt(e -> e.pending().getSourceTokens()).sum();
        if (--members == 0) {
            routing.close();
            onClose.run();
        }
    }

    /** The thread's routing: its tasks route and prepare their requests with the translators the batch runs. */
    Routing routing() {
        return routing;
    }

    /** Adds a request, produced at producedAt (its record's timestamp); translates the batch at once when it is full. */
    void add(Entry entry, long streamsNow, long producedAt) {
        long now = Math.max(streamsNow, clockFloor);
        if (entries.isEmpty()) {
            openedAt = now;
        }
        entries.add(entry);
        backlog = now - producedAt > BACKLOG_LAG_MS;
        tokens += entry.pending().getSourceTokens();
        if (entries.size() >= maxRequests || tokens >= maxTokens) {
            flush(now);
        }
    }

    /**
     * Translates the batch once it has been open W ms, counted from its first request's joining, not from
     * that request's arrival (requests read while the previous batch was translated would make the next one
     * due at once). A thread reading a backlog lets the batch fill for up to BACKLOG_WAITS times W: the
     * requests are there to be read, and a larger batch, sorted by length for the engine, is translated
     * faster per request than one cut by the time the thread spent committing and forwarding. The backlog is
     * told by the records' timestamps: a producer whose clock is ahead by more than BACKLOG_LAG costs its
     * requests at most that longer wait.
     */
    void flushIfDue(long streamsNow) {
        long now = Math.max(streamsNow, clockFloor);
        long open = now - openedAt;
        if (!entries.isEmpty() && open >= (backlog ? BACKLOG_WAITS * maxWaitMs : maxWaitMs)) {
            flush(now);
        }
    }

    private void flush(long now) {
        List<Entry> batch = List.copyOf(entries);
        entries.clear();
        tokens = 0;
        long start = nanoTime.getAsLong();
        List<TranslationOutcome> outcomes = routing.translate(batch.stream().map(Entry::routed).toList());
        long decodingMs = (nanoTime.getAsLong() - start) / 1_000_000;
        clockFloor = now + decodingMs;
        long targetTokens = 0;
        long unknowns = 0;
        Map<Member, List<Completed>> byMember = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) instanceof Translation t) {
                targetTokens += t.targetPieces().size();
                unknowns += t.unknownsReplaced();
            }
            byMember.computeIfAbsent(batch.get(i).member(), m -> new ArrayList<>())
                    .add(new Completed(batch.get(i), outcomes.get(i), now, decodingMs));
        }
        metrics.batch(batch.size(), decodingMs, targetTokens, unknowns);
        LOG.debug("translated a batch of {} requests from {} tasks in {} ms", batch.size(), byMember.size(), decodingMs);
        byMember.forEach(Member::completed);
    }
}
