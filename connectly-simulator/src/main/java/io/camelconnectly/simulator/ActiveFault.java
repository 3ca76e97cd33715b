package io.camelconnectly.simulator;

/**
 * A fault injected into a running simulator: how often it has been applied, and a way to cancel it. Thread-safe:
 * requests on several event loops consult it.
 */
public final class ActiveFault {

    private final long id;
    private final Fault fault;
    private long applied;
    /** Accumulates {@code fraction} per matching request; the fault fires each time it reaches 1. */
    private double credit;
    private volatile boolean cancelled;

    ActiveFault(long id, Fault fault) {
        this.id = id;
        this.fault = fault;
    }

    /** Whether this matching request gets the fault; counts it when it does. */
    synchronized boolean tryApply() {
        if (cancelled || applied >= fault.times()) {
            return false;
        }
        credit += fault.fraction();
        if (credit < 1 - 1e-9) {
            return false;
        }
        credit -= 1;
        applied++;
        return true;
    }

    public long id() {
        return id;
    }

    public Fault fault() {
        return fault;
    }

    /** How many requests got the fault so far. */
    public synchronized long applied() {
        return applied;
    }

    /** Whether it will not apply to any further request (cancelled, or applied {@code times} times). */
    public synchronized boolean finished() {
        return cancelled || applied >= fault.times();
    }

    /** Stops it; requests already affected (a delayed answer, say) complete as planned. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public String toString() {
        return "ActiveFault[" + id + ", " + fault + ", applied=" + applied() + (cancelled ? ", cancelled" : "") + "]";
    }
}
