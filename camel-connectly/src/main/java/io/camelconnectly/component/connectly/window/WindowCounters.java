package io.camelconnectly.component.connectly.window;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint's window-aware sends (sendMessage with a fallback template) and, for a webhook endpoint, of
 * the customer messages it recorded. Lock-free; exposed as JMX attributes of the endpoint and in the dev console.
 */
public final class WindowCounters {

    private final LongAdder sentAsSession = new LongAdder();
    private final LongAdder sentAsTemplate = new LongAdder();
    private final LongAdder sentAsTemplateAfterRefusal = new LongAdder();
    private final LongAdder windowUnknown = new LongAdder();
    private final LongAdder lookupFailures = new LongAdder();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder recordFailures = new LongAdder();

    public void sentAsSession() {
        sentAsSession.increment();
    }

    public void sentAsTemplate() {
        sentAsTemplate.increment();
    }

    public void sentAsTemplateAfterRefusal() {
        sentAsTemplateAfterRefusal.increment();
    }

    public void windowUnknown() {
        windowUnknown.increment();
    }

    public void lookupFailed() {
        lookupFailures.increment();
    }

    public void recorded() {
        recorded.increment();
    }

    public void recordFailed() {
        recordFailures.increment();
    }

    /** Sent as the session message (window known open, or unknown and accepted by Connectly). */
    public long getSentAsSession() {
        return sentAsSession.sum();
    }

    /** Sent as the fallback template directly: the window was known closed, no call was refused. */
    public long getSentAsTemplate() {
        return sentAsTemplate.sum();
    }

    /** Sent as the fallback template after Connectly refused the session message for the window. */
    public long getSentAsTemplateAfterRefusal() {
        return sentAsTemplateAfterRefusal.sum();
    }

    /** Sends for which nothing was known about the customer's window with the sending number. */
    public long getWindowUnknown() {
        return windowUnknown.sum();
    }

    /** Reads of the repository that failed or were refused (then treated as unknown). */
    public long getLookupFailures() {
        return lookupFailures.sum();
    }

    /** Inbound customer messages recorded (webhook endpoints). */
    public long getRecorded() {
        return recorded.sum();
    }

    /** Inbound customer messages that could not be recorded (webhook endpoints; each logged, the webhook unaffected). */
    public long getRecordFailures() {
        return recordFailures.sum();
    }

    /** Resets the producer-side counters. */
    public void resetProducerCounters() {
        sentAsSession.reset();
        sentAsTemplate.reset();
        sentAsTemplateAfterRefusal.reset();
        windowUnknown.reset();
        lookupFailures.reset();
    }
}
