package io.camelconnectly.component.connectly.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint's calls, lock-free on the hot path; exposed as JMX attributes by the endpoint.
 */
public final class ConnectlyClientMetrics {

    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder heldOff = new LongAdder();
    private final LongAdder waitingFull = new LongAdder();
    private final LongAdder rejectedByValidation = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> failuresByCode = new ConcurrentHashMap<>();

    // health: what the last calls say about reaching Connectly (not reset with the counters)
    private final AtomicInteger consecutiveUnreachable = new AtomicInteger();
    private volatile boolean authenticationRejected;
    private volatile int lastErrorStatus;
    private volatile String lastErrorCode;
    private volatile String lastCntTraceId;

    void succeeded() {
        succeeded.increment();
        // read before writing: on the hot path both are already clear, and a write to a shared field would make the
        // I/O threads of concurrent calls take its cache line from one another on every message
        if (consecutiveUnreachable.get() != 0) {
            consecutiveUnreachable.set(0);
        }
        if (authenticationRejected) {
            authenticationRejected = false;
        }
    }

    void failed(String code) {
        failed.increment();
        failuresByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** A call Connectly answered with a non-2xx status, after retries. */
    void answeredWithError(int status, String code, String cntTraceId) {
        failed(code != null ? code : "HTTP_" + status);
        lastErrorStatus = status;
        lastErrorCode = code != null ? code : "HTTP_" + status;
        lastCntTraceId = cntTraceId;
        authenticationRejected = status == 401 || status == 403;
        if (status >= 500 || status == 429) {
            consecutiveUnreachable.incrementAndGet();
        } else {
            // Connectly answered: it is reachable, the request was at fault
            consecutiveUnreachable.set(0);
        }
    }

    /** A call that got no answer from Connectly (connection refused, timeout, TLS failure), after retries. */
    void unreachable(String failure) {
        failed(failure);
        lastErrorStatus = 0;
        lastErrorCode = failure;
        lastCntTraceId = null;
        consecutiveUnreachable.incrementAndGet();
    }

    /** Calls in a row that got no answer, a 5xx or a 429 (after retries); 0 after any other answer. */
    public int getConsecutiveUnreachable() {
        return consecutiveUnreachable.get();
    }

    /** Whether the last answered call was refused 401/403 (API key rejected), until a call succeeds. */
    public boolean isAuthenticationRejected() {
        return authenticationRejected;
    }

    /** The HTTP status of the last failed call, 0 when it got no answer or none failed. */
    public int getLastErrorStatus() {
        return lastErrorStatus;
    }

    /** Connectly's error code (or HTTP_nnn, or the connection failure) of the last failed call, or null. */
    public String getLastErrorCode() {
        return lastErrorCode;
    }

    /** Connectly's trace id of the last failed call, or null. */
    public String getLastCntTraceId() {
        return lastCntTraceId;
    }

    void retried() {
        retries.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void heldOff() {
        heldOff.increment();
    }

    void waitingFull() {
        waitingFull.increment();
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

    /** Calls whose first attempt waited for a Retry-After Connectly gave the operation's calls (a 429). */
    public long getHeldOff() {
        return heldOff.sum();
    }

    /** Calls that failed at once instead of waiting, because the account's waiting calls were at retryMaxWaiting. */
    public long getWaitingFull() {
        return waitingFull.sum();
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
        heldOff.reset();
        waitingFull.reset();
        rejectedByValidation.reset();
        failuresByCode.clear();
    }
}
