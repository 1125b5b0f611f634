package io.kafkatranslator.chat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fans the page's events out to every open event stream, and keeps the latest ones so that a page
 * opened (or reloaded) later shows the conversation so far. A stream that falls too far behind is
 * ended rather than allowed to hold memory: the browser's EventSource reconnects and is replayed.
 */
final class EventHub {
    private final int keep;
    private final int backlog;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    EventHub(int keep, int backlog) {
        this.keep = keep;
        this.backlog = backlog;
    }

    synchronized void publish(String event) {
        recent.addLast(event);
        if (recent.size() > keep) {
            recent.removeFirst();
        }
        for (Subscription s : subscriptions) {
            if (!s.events.offer(event)) {
                s.end();
            }
        }
    }

    /** A new stream, starting with the kept events. */
    synchronized Subscription subscribe() {
        Subscription s = new Subscription(new LinkedBlockingQueue<>(Math.max(backlog, keep)));
        s.events.addAll(recent);
        subscriptions.add(s);
        return s;
    }

    /** Ends every stream (the server is stopping). */
    void close() {
        subscriptions.forEach(Subscription::end);
    }

    final class Subscription implements AutoCloseable {
        private final BlockingQueue<String> events;
        private volatile boolean ended;

        private Subscription(BlockingQueue<String> events) {
            this.events = events;
        }

        /** The next event; null when none came within the timeout; ended() tells whether any will. */
        String next(Duration timeout) throws InterruptedException {
            return ended ? null : events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean ended() {
            return ended;
        }

        private void end() {
            ended = true;
            subscriptions.remove(this);
        }

        @Override
        public void close() {
            end();
        }
    }
}
