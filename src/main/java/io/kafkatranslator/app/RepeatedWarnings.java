package io.kafkatranslator.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per interval for a warning the Kafka clients repeat: while a broker is away, each client
 * warns about the connection several times a second. The first of a kind (same logger, same
 * message pattern, the client's prefix included) passes; its repeats within the interval are
 * counted, and the next one to pass after it reports the count. Set in logback.xml.
 */
public final class RepeatedWarnings extends TurboFilter {
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private long intervalMs = 30_000;

    private static final class Window {
        final AtomicLong openedAt = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }

    public void setIntervalMs(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || format == null || !logger.getName().startsWith("org.apache.kafka")) {
            return FilterReply.NEUTRAL;
        }
        Window w = windows.computeIfAbsent(logger.getName() + '\u0000' + format, k -> new Window());
        long now = System.currentTimeMillis();
        long opened = w.openedAt.get();
        if (opened != Long.MIN_VALUE && now - opened < intervalMs) {
            w.suppressed.incrementAndGet();
            return FilterReply.DENY;
        }
        if (!w.openedAt.compareAndSet(opened, now)) {
            w.suppressed.incrementAndGet();
            return FilterReply.DENY;
        }
        long repeats = w.suppressed.getAndSet(0);
        if (repeats > 0) {
            logger.getLoggerContext().getLogger(RepeatedWarnings.class)
                    .warn("the next warning was repeated {} more time(s) in the last {} s", repeats, (now - opened) / 1000);
        }
        return FilterReply.NEUTRAL;
    }
}
