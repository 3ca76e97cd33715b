package io.camelconnectly.component.connectly.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The calls of one Connectly account that wait, shared by the endpoints that share the account's HTTP client
 * ({@link ConnectlyConnections}): the scheduler thread they wait on (no thread sleeps), how many wait at once (each
 * endpoint lets a call wait only while fewer than its {@code retryMaxWaiting} calls of the account do), and, per
 * operation, until when Connectly asked the account to hold off (a 429's Retry-After), so that new calls wait for it
 * instead of being refused one by one. Nothing here is touched by a call that is answered at its first attempt but one
 * volatile read.
 */
final class WaitingCalls {

    private final ScheduledExecutorService scheduler;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    /** Per ConnectlyApi ordinal: System.nanoTime() until which new calls hold off; 0 when none. */
    private final AtomicLongArray holdOffUntil = new AtomicLongArray(ConnectlyApi.values().length);

    WaitingCalls(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Takes a place among the waiting calls, unless {@code max} calls of the account wait already. */
    boolean tryEnter(int max) {
        while (true) {
            int current = waiting.get();
            if (current >= max) {
                return false;
            }
            if (waiting.compareAndSet(current, current + 1)) {
                peak.accumulateAndGet(current + 1, Math::max);
                return true;
            }
        }
    }

    /** Gives back the place of a call that stopped waiting. */
    void leave() {
        waiting.decrementAndGet();
    }

    /** Calls of the account waiting now. */
    int count() {
        return waiting.get();
    }

    /** The most calls of the account that waited at once since it was first used. */
    int peak() {
        return peak.get();
    }

    /** Connectly answered a call of {@code api} with 429 and Retry-After: new calls of it hold off that long. */
    void holdOff(ConnectlyApi api, long millis) {
        if (millis <= 0) {
            return;
        }
        long until = System.nanoTime() + millis * 1_000_000L;
        int slot = api.ordinal();
        while (true) {
            long current = holdOffUntil.get(slot);
            if (current != 0 && current - until >= 0) {
                return;
            }
            if (holdOffUntil.compareAndSet(slot, current, until == 0 ? 1 : until)) {
                return;
            }
        }
    }

    /** How long new calls of {@code api} still hold off, in milliseconds rounded up; 0 when they may go. */
    long holdOffMillis(ConnectlyApi api) {
        int slot = api.ordinal();
        long until = holdOffUntil.get(slot);
        if (until == 0) {
            return 0;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            holdOffUntil.compareAndSet(slot, until, 0);
            return 0;
        }
        return (left + 999_999L) / 1_000_000L;
    }
}
