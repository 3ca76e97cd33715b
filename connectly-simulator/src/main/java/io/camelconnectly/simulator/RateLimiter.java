package io.camelconnectly.simulator;

/**
 * A fixed one-second window: at most {@code perSecond} send requests per wall-clock second, the excess answered 429
 * with {@code Retry-After: retryAfterSeconds}. Changeable while the simulator runs; 0 per second means no limit, and
 * then a request costs one volatile read.
 */
final class RateLimiter {

    /** One immutable setting, swapped as a whole so a request never sees half of a change. */
    record Limit(int perSecond, long retryAfterSeconds) {
    }

    private volatile Limit limit;
    private long windowSecond = -1;
    private int used;

    RateLimiter(int perSecond, long retryAfterSeconds) {
        this.limit = new Limit(perSecond, retryAfterSeconds);
    }

    Limit limit() {
        return limit;
    }

    synchronized void configure(int perSecond, long retryAfterSeconds) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rateLimit must be 0 (off) or a positive number of requests per second, got " + perSecond);
        }
        limit = new Limit(perSecond, retryAfterSeconds);
        windowSecond = -1;
    }

    /** The Retry-After seconds to answer with 429, or -1 when the request may proceed. */
    long acquire() {
        Limit current = limit;
        if (current.perSecond() == 0) {
            return -1;
        }
        synchronized (this) {
            long second = System.currentTimeMillis() / 1000;
            if (second != windowSecond) {
                windowSecond = second;
                used = 0;
            }
            if (used < current.perSecond()) {
                used++;
                return -1;
            }
            return current.retryAfterSeconds();
        }
    }
}
