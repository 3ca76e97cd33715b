package io.camelconnectly.component.connectly.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint's calls, lock-free on the hot path; exposed as JMX attributes by the endpoint.
 */
public final class ConnectlyClientMetrics {

    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder rejectedByValidation = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> failuresByCode = new ConcurrentHashMap<>();

    void succeeded() {
        succeeded.increment();
    }

    void failed(String code) {
        failed.increment();
        failuresByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    void retried() {
        retries.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    /** A message rejected before any call (validation or template check). */
    public void rejectedByValidation() {
        rejectedByValidation.increment();
    }

    public long getSucceeded() {
        return succeeded.sum();
    }

    public long getFailed() {
        return failed.sum();
    }

    public long getRetries() {
        return retries.sum();
    }

    public long getRateLimited() {
        return rateLimited.sum();
    }

    public long getRejectedByValidation() {
        return rejectedByValidation.sum();
    }

    /** Failed calls by Connectly error code (or HTTP_nnn, or the connection failure's class), sorted by key. */
    public Map<String, Long> getFailuresByCode() {
        Map<String, Long> result = new TreeMap<>();
        failuresByCode.forEach((code, count) -> result.put(code, count.sum()));
        return result;
    }

    public void reset() {
        succeeded.reset();
        failed.reset();
        retries.reset();
        rateLimited.reset();
        rejectedByValidation.reset();
        failuresByCode.clear();
    }
}
