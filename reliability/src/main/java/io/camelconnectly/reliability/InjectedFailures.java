package io.camelconnectly.reliability;

/**
 * The reliability run's fault injection: whether, and at which step, attempt number {@code attempt} of the route on an
 * event fails. Decided by a hash of the event key and the attempt number, so a run is reproducible and a later attempt
 * of a failed event usually succeeds, as with a real transient failure.
 */
public final class InjectedFailures {

    /** Where an attempt fails. */
    public enum Step {
        /** It does not fail. */
        NONE,
        /** Before any work: nothing was written. */
        BEFORE_WORK,
        /** After the event's row was written, inside the transaction: the row and the completed mark roll back. */
        IN_TRANSACTION,
        /** After the commit (say, a notification that fails): the event stays processed, its mark completed. */
        AFTER_COMMIT
    }

    private static final Step[] FAILING = { Step.BEFORE_WORK, Step.IN_TRANSACTION, Step.AFTER_COMMIT };

    private InjectedFailures() {
    }

    /** The step at which attempt {@code attempt} (1 = the first) on {@code eventKey} fails; {@code percent} of 100 fail. */
    public static Step stepFor(String eventKey, int attempt, int percent) {
        int hash = mix(eventKey.hashCode() * 31 + attempt);
        int bucket = Math.floorMod(hash, 100);
        return bucket < percent ? FAILING[Math.floorMod(hash >>> 8, FAILING.length)] : Step.NONE;
    }

    /** MurmurHash3's finaliser: neighbouring keys (rel-000041, rel-000042) land far apart. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Thrown by the route where the run injects a failure. */
    public static final class InjectedFailureException extends RuntimeException {
        public InjectedFailureException(Step step, String eventKey, int attempt) {
            super("injected failure " + step + " on attempt " + attempt + " of event " + eventKey);
        }
    }
}
