package io.camelconnectly.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's clock: wall-clock time plus an offset that tests move forward to expire the 24-hour session
 * window or to approve pending templates without waiting. Delivery-status timing uses real time and is not affected.
 */
public final class SimulatorClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** The simulated current time. */
    public Instant now() {
        return Instant.ofEpochMilli(nowMillis());
    }

    long nowMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    /** Moves the clock forward; negative durations are refused because a clock going back breaks the rules' meaning. */
    public Instant advance(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("clock advance must be a positive duration, got " + duration);
        }
        offsetMillis.addAndGet(duration.toMillis());
        return now();
    }

    /** How far the clock has been moved ahead of real time. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }
}
