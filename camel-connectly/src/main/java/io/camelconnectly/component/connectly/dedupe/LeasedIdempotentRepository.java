package io.camelconnectly.component.connectly.dedupe;

import org.apache.camel.spi.IdempotentRepository;

/**
 * An {@link IdempotentRepository} that keeps two marks per key, so that several instances can share it without losing
 * an event: an <em>in-flight</em> mark with a lease (taken by {@link #claim}, kept alive while its holder runs, and
 * taken over by anyone once it expired because its holder died) and a <em>completed</em> mark (written by
 * {@link #confirm}, never expiring through the lease). {@link #remove} drops this holder's in-flight mark after a failed
 * attempt, so that the next delivery is processed.
 * <p>
 * The webhook consumer asks {@link #claim} instead of {@link #add} to tell a redelivery of a completed event (answered
 * 200) from one that another instance is still processing (answered 503, so that Connectly retries it later).
 */
public interface LeasedIdempotentRepository extends IdempotentRepository {

    /** What {@link #claim(String)} found. */
    enum Claim {
        /** The caller now holds the in-flight mark: first delivery, or the previous holder's lease expired. */
        CLAIMED,
        /** Another attempt holds a live lease on the key. */
        IN_FLIGHT,
        /** The key was processed to completion before. */
        COMPLETED
    }

    /**
     * Takes the in-flight mark of {@code key} unless it is completed or held by a live lease.
     *
     * @throws RuntimeException when the store cannot be reached: the caller cannot know, and must not process the key
     */
    Claim claim(String key);

    /**
     * Stops renewing this holder's lease on {@code key} without calling the store (must not block): for when the store
     * cannot be called; the in-flight mark then expires, and a redelivery is processed.
     */
    void abandon(String key);

    /** {@code true} exactly when {@link #claim(String)} gives {@link Claim#CLAIMED}, as Camel's idempotent consumer expects. */
    @Override
    default boolean add(String key) {
        return claim(key) == Claim.CLAIMED;
    }
}
