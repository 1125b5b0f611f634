package io.kafkatranslator.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results Kafka refused to write, by request id, with the reason: shared by the production
 * exception handler, which learns of a refusal, and the batching processor, which dead-letters the
 * request when it comes round again. Under exactly-once a refused write aborts its transaction, so
 * the batch's requests are read and translated again; without this memory the same result would
 * be refused forever, and with it the second attempt writes a dead letter instead. In memory and
 * bounded: a refusal only matters until its retry, which follows within seconds.
 */
public final class RefusedResults {
    /** The Streams property under which the handler finds this instance. */
    public static final String PROPERTY = "translator.refused.results";
    private static final int CAPACITY = 10_000;
    private final Map<String, String> reasons = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void refused(String requestId, String reason) {
        reasons.put(requestId, reason);
    }

    /** Why the result of this request was refused, or null; forgets it. */
    synchronized String take(String requestId) {
        return reasons.remove(requestId);
    }
}
