package io.kafkatranslator.app;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether the instance can make progress, sampled once a second from Kafka Streams' own state and
 * metrics. Not ready: Streams not RUNNING, no stream thread alive, a stream thread failed within the
 * window (its replacement waits for the group to take the dead thread's partitions back, up to the
 * consumer's session timeout), no group heartbeat answered for the window (the broker unreachable),
 * or lag on the input while nothing was processed for the window. Not live: Streams failed or
 * stopped without being asked to, or not ready for longer than the stuck time for any reason but
 * the broker (a restart does not bring a broker back; it only adds a rebalance).
 */
final class HealthMonitor implements AutoCloseable {
    private static final Set<String> DEAD_THREAD_STATES = Set.of("DEAD", "PENDING_SHUTDOWN");

    private final KafkaStreams streams;
    private final long windowMs;
    private final long stuckMs;
    private final LongSupplier clock;
    private final Deque<Long> threadFailures = new ArrayDeque<>();
    private final ScheduledExecutorService sampler;
    private volatile boolean closing;
    private volatile String notReady = "starting";
    private volatile String notLive;
    private long connectedAt;
    private long processed;
    private long processedAt;
    private long readyAt;

    HealthMonitor(KafkaStreams streams, Duration window, Duration stuck, LongSupplier clock) {
        this.streams = streams;
        this.windowMs = window.toMillis();
        this.stuckMs = stuck.toMillis();
        this.clock = clock;
        long now = clock.getAsLong();
        this.connectedAt = now;
        this.processedAt = now;
        this.readyAt = now;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** A stream thread died on an unexpected error (and is being replaced). */
    synchronized void threadFailed() {
        threadFailures.addLast(clock.getAsLong());
    }

    void closing() {
        closing = true;
    }

    /** Null when ready, else why not. */
    String notReady() {
        return notReady;
    }

    /** Null when live, else why not. */
    String notLive() {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || (!closing && state == KafkaStreams.State.NOT_RUNNING)) {
            return "Kafka Streams is " + state;
        }
        return notLive;
    }

    synchronized void sample() {
        long now = clock.getAsLong();
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        // A client's connection count includes connections still being attempted: the group heartbeat, every
        // few seconds while the broker answers, is what says it does.
        double sinceHeartbeat = min(metrics, "last-heartbeat-seconds-ago");
        if (sinceHeartbeat * 1000 <= windowMs) {
            connectedAt = now;
        }
        long total = (long) sum(metrics, "process-total");
        // A replaced thread's count starts again from 0: only a rise is progress.
        if (total > processed || sum(metrics, "records-lag-max") <= 0) {
            processedAt = now;
        }
        processed = total;
        while (!threadFailures.isEmpty() && threadFailures.peekFirst() < now - windowMs) {
            threadFailures.removeFirst();
        }
        boolean unreachable = now - connectedAt > windowMs;
        String reason = reason(now, unreachable);
        notReady = reason;
        if (reason == null || unreachable) {
            readyAt = now;
        }
        notLive = now - readyAt > stuckMs ? "not ready for " + (now - readyAt) / 1000 + " s: " + reason : null;
    }

    private String reason(long now, boolean unreachable) {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return "Kafka Streams is " + state;
        }
        long alive = streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadState)
                .filter(s -> !DEAD_THREAD_STATES.contains(s)).count();
        if (alive == 0) {
            return "no stream thread is running";
        }
        if (!threadFailures.isEmpty()) {
            return threadFailures.size() + " stream thread(s) failed in the last " + windowMs / 1000 + " s";
        }
        if (unreachable) {
            return "no broker reachable for " + (now - connectedAt) / 1000 + " s";
        }
        if (now - processedAt > windowMs) {
            return "the input has lag and nothing was processed for " + (now - processedAt) / 1000 + " s";
        }
        return null;
    }

    /** The least value of a metric over every client of this instance; 0 when none has it yet. */
    private static double min(Map<MetricName, ? extends Metric> metrics, String name) {
        double least = Double.MAX_VALUE;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (e.getKey().name().equals(name) && e.getValue().metricValue() instanceof Number n && n.doubleValue() >= 0) {
                least = Math.min(least, n.doubleValue());
            }
        }
        return least == Double.MAX_VALUE ? 0 : least;
    }

    /** The sum of a metric over every client and thread of this instance; NaN (not measured yet) counts as 0. */
    private static double sum(Map<MetricName, ? extends Metric> metrics, String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (e.getKey().name().equals(name) && e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                total += n.doubleValue();
            }
        }
        return total;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
