package io.camelconnectly.component.connectly.client;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * What is retried, how often and how long to wait. One instance per endpoint, immutable.
 * <ul>
 * <li>Always retried (Connectly did not act on the request): 429, a 503 with Retry-After or Connectly's error body,
 * connection refused, connect timeout.</li>
 * <li>Ambiguous (Connectly may have acted: a retry of a send can deliver twice): 502, 504, any other 503, response
 * timeout, connection closed mid-request. Retried for reads; for sends, creates, updates and deletes only with
 * {@code retryAmbiguousFailures=true}.</li>
 * <li>Never retried: any other status (4xx mistakes, 409, 500), TLS failures.</li>
 * </ul>
 * Waits grow exponentially from {@code initialDelay} with full jitter, capped by {@code maxDelay}; a {@code Retry-After}
 * is honoured (never waited less). Bounded by {@code maxAttempts} in all and {@code maxElapsed} from the first attempt:
 * no wait (to retry, for a Retry-After, for a pooled connection) goes beyond it, so a call ends within
 * {@code maxElapsed} plus one attempt's connect and response timeouts. At most {@code maxWaiting} calls of an account
 * wait at once; a call that would wait beyond it fails at once.
 */
public final class RetryPolicy {

    /** How a failed attempt is classified. */
    public enum Failure {
        /** 429: not processed. */
        RATE_LIMITED,
        /** Not processed: 503 with Retry-After or Connectly's error body, connection refused, connect timeout. */
        NOT_PROCESSED,
        /** Maybe processed: 502, 504, a bare 503, response timeout, connection lost. */
        AMBIGUOUS,
        /** Retrying cannot help. */
        PERMANENT
    }

    /**
     * The longest Retry-After taken as given: a larger value (or a date further ahead) is clamped to it, so that no wait
     * arithmetic overflows; retryMaxElapsed then decides whether to wait at all.
     */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final int maxAttempts;
    private final long maxElapsedMillis;
    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final boolean retryAmbiguousFailures;
    private final int maxWaiting;

    public RetryPolicy(int maxAttempts, long maxElapsedMillis, long initialDelayMillis, long maxDelayMillis,
                       boolean retryAmbiguousFailures, int maxWaiting) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxElapsedMillis = Math.max(0, maxElapsedMillis);
        this.initialDelayMillis = Math.max(1, initialDelayMillis);
        this.maxDelayMillis = Math.max(this.initialDelayMillis, maxDelayMillis);
        this.retryAmbiguousFailures = retryAmbiguousFailures;
        this.maxWaiting = Math.max(0, maxWaiting);
    }

    /** How an answer without Retry-After or Connectly's error body is classified. */
    public static Failure classify(int httpStatus) {
        return classify(httpStatus, false, false);
    }

    /**
     * @param hasRetryAfter        the answer carries a Retry-After header
     * @param connectlyErrorBody   the answer is Connectly's JSON error object (not a gateway's page)
     */
    public static Failure classify(int httpStatus, boolean hasRetryAfter, boolean connectlyErrorBody) {
        switch (httpStatus) {
            case 429:
                return Failure.RATE_LIMITED;
            case 503:
                // Connectly itself refused (it says when to come back, or explains why); a bare 503 may come from a
                // gateway that had already passed the request on
                return hasRetryAfter || connectlyErrorBody ? Failure.NOT_PROCESSED : Failure.AMBIGUOUS;
            case 502:
            case 504:
                return Failure.AMBIGUOUS;
            default:
                return Failure.PERMANENT;
        }
    }

    public static Failure classify(Throwable error) {
        if (error instanceof SSLException) {
            return Failure.PERMANENT;
        }
        // DeadlineTimeoutException: the async pool had no free connection in time, so nothing was sent
        if (error instanceof ConnectException || error instanceof HttpHostConnectException
                || error instanceof ConnectTimeoutException || error instanceof NoRouteToHostException
                || error instanceof ConnectionRequestTimeoutException || error instanceof DeadlineTimeoutException) {
            return Failure.NOT_PROCESSED;
        }
        if (error instanceof UnknownHostException) {
            return Failure.PERMANENT;
        }
        if (error instanceof SocketTimeoutException || error instanceof InterruptedIOException
                || error instanceof java.io.IOException) {
            return Failure.AMBIGUOUS;
        }
        return Failure.PERMANENT;
    }

    /** Whether this kind of failure may be retried for a call of that kind. */
    public boolean isRetryable(Failure failure, boolean read) {
        switch (failure) {
            case RATE_LIMITED:
            case NOT_PROCESSED:
                return true;
            case AMBIGUOUS:
                return read || retryAmbiguousFailures;
            default:
                return false;
        }
    }

    /**
     * The wait before the next attempt, or -1 to give up.
     *
     * @param attemptsMade attempts made so far (1 after the first)
     * @param startNanos   {@link System#nanoTime()} of the first attempt
     * @param retryAfter   the server's Retry-After, or null
     */
    public long nextDelayMillis(Failure failure, boolean read, int attemptsMade, long startNanos, Duration retryAfter) {
        if (!isRetryable(failure, read) || attemptsMade >= maxAttempts) {
            return -1;
        }
        long exponential = initialDelayMillis << Math.min(attemptsMade - 1, 30);
        long cap = Math.min(maxDelayMillis, exponential <= 0 ? maxDelayMillis : exponential);
        long delay = ThreadLocalRandom.current().nextLong(cap + 1);
        if (retryAfter != null) {
            delay = Math.max(delay, clamp(retryAfter).toMillis());
        }
        return fitsBudget(startNanos, delay) ? delay : -1;
    }

    /** Whether a wait of {@code waitMillis} from now ends within {@code maxElapsed} of the call's first attempt. */
    public boolean fitsBudget(long startNanos, long waitMillis) {
        // both terms are at most a day (or the elapsed time of a call): no overflow
        return elapsedMillis(startNanos) + waitMillis <= maxElapsedMillis;
    }

    /**
     * How long an attempt starting now may wait for a pooled connection: what is left of {@code maxElapsed} (at least
     * 1 ms, at most a day), so that a busy pool does not stretch a call beyond its bound.
     */
    public long connectionWaitMillis(long startNanos) {
        long left = maxElapsedMillis - elapsedMillis(startNanos);
        return Math.max(1, Math.min(left, MAX_RETRY_AFTER.toMillis()));
    }

    /**
     * How long new calls of the operation hold off after a 429 with this Retry-After: the wait Connectly asked for, at
     * most {@code maxElapsed} (a call never waits longer), so that a huge Retry-After does not stop sending for a day.
     */
    public long holdOffMillis(Duration retryAfter) {
        return retryAfter == null ? 0 : Math.min(clamp(retryAfter).toMillis(), maxElapsedMillis);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /**
     * Parses Retry-After as delay-seconds or an HTTP date, clamped to {@link #MAX_RETRY_AFTER}; null when absent or
     * unreadable (then the normal backoff applies). Never throws: a bad header must not hide the answer it came with.
     */
    public static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            if (isDigits(trimmed)) {
                // more digits than a long holds is still "a very long time"
                return trimmed.length() > 18 ? MAX_RETRY_AFTER : clamp(Duration.ofSeconds(Long.parseLong(trimmed)));
            }
            Instant when = DateUtils.parseStandardDate(trimmed);
            if (when == null) {
                return null;
            }
            Duration wait = Duration.between(Instant.now(), when);
            return wait.isNegative() ? Duration.ZERO : clamp(wait);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static Duration clamp(Duration wait) {
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public boolean isRetryAmbiguousFailures() {
        return retryAmbiguousFailures;
    }

    /** The most calls of the account that may wait at once (to retry, or for a Retry-After) for this endpoint's calls to wait. */
    public int getMaxWaiting() {
        return maxWaiting;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", maxElapsed=" + maxElapsedMillis
               + "ms, initialDelay=" + initialDelayMillis + "ms, maxDelay=" + maxDelayMillis + "ms, retryAmbiguousFailures="
               + retryAmbiguousFailures + ", maxWaiting=" + maxWaiting + "]";
    }
}
