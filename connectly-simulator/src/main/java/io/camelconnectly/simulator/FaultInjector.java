package io.camelconnectly.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults injected into API requests. Consulted for every authenticated request of a known operation, so the
 * common case (no fault) is one volatile read of an empty array.
 */
final class FaultInjector {

    private static final ActiveFault[] NONE = new ActiveFault[0];

    private final AtomicLong ids = new AtomicLong();
    private volatile ActiveFault[] active = NONE;
    /** The fault the last failNext(...) injected: failNext replaces it, as it always did. */
    private ActiveFault failNext;

    synchronized ActiveFault inject(Fault fault) {
        ActiveFault injected = new ActiveFault(ids.incrementAndGet(), fault);
        List<ActiveFault> next = live();
        next.add(injected);
        active = next.toArray(NONE);
        return injected;
    }

    /** The next {@code count} requests (any operation) fail with {@code httpStatus}; replaces the previous failNext. */
    synchronized void failNext(int count, int httpStatus) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or positive, got " + count);
        }
        Fault fault = Fault.status(httpStatus);
        if (failNext != null) {
            failNext.cancel();
            failNext = null;
        }
        if (count > 0) {
            failNext = inject(fault.times(count));
        }
    }

    /** The fault this request gets, or null; the first injected fault that selects the operation and fires wins. */
    Fault select(ApiOperation operation) {
        ActiveFault[] current = active;
        if (current.length == 0) {
            return null;
        }
        boolean finishedSeen = false;
        for (ActiveFault candidate : current) {
            if (candidate.fault().selects(operation) && candidate.tryApply()) {
                return candidate.fault();
            }
            finishedSeen |= candidate.finished();
        }
        if (finishedSeen) {
            prune();
        }
        return null;
    }

    /** The faults still able to apply, oldest first. */
    synchronized List<ActiveFault> list() {
        return live();
    }

    synchronized void clear() {
        for (ActiveFault fault : active) {
            fault.cancel();
        }
        active = NONE;
        failNext = null;
    }

    private synchronized void prune() {
        active = live().toArray(NONE);
    }

    private List<ActiveFault> live() {
        List<ActiveFault> live = new ArrayList<>(active.length + 1);
        for (ActiveFault fault : active) {
            if (!fault.finished()) {
                live.add(fault);
            }
        }
        return live;
    }
}
