package io.camelconnectly.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A lock-free ring keeping the last {@code capacity} entries, so recording every request under load never grows
 * memory without bound. Older entries are overwritten.
 */
final class BoundedLog<T> {

    private final AtomicReferenceArray<T> ring;
    private final AtomicLong written = new AtomicLong();
    private volatile long clearedUpTo;

    BoundedLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a record capacity must be at least 1, got " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** Stores the entry and returns its 1-based sequence number. */
    long add(T entry) {
        long sequence = written.incrementAndGet();
        ring.set((int) ((sequence - 1) % ring.length()), entry);
        return sequence;
    }

    /** Stores the entry the factory makes from its 1-based sequence number. */
    long add(java.util.function.LongFunction<T> factory) {
        long sequence = written.incrementAndGet();
        ring.set((int) ((sequence - 1) % ring.length()), factory.apply(sequence));
        return sequence;
    }

    /** A snapshot, oldest first. Entries written concurrently with the snapshot may be missing from it. */
    List<T> snapshot() {
        long end = written.get();
        long start = Math.max(clearedUpTo, Math.max(0, end - ring.length()));
        List<T> out = new ArrayList<>((int) (end - start));
        for (long s = start; s < end; s++) {
            T entry = ring.get((int) (s % ring.length()));
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    void clear() {
        clearedUpTo = written.get();
    }
}
