package io.camelconnectly.simulator;

/** A fixed one-second window: at most {@code perSecond} requests per wall-clock second. */
final class RateLimiter {

    private final int perSecond;
    private long windowSecond = -1;
    private int used;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Seconds to wait before retrying, or 0 when the request may proceed. */
    synchronized long acquire() {
        long nowMillis = System.currentTimeMillis();
        long second = nowMillis / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            used = 0;
        }
        if (used < perSecond) {
            used++;
            return 0;
        }
        return 1; // the next window starts within a second; Retry-After is whole seconds
    }
}
