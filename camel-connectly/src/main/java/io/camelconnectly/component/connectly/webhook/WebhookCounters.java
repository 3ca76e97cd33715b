package io.camelconnectly.component.connectly.webhook;

import java.util.concurrent.atomic.LongAdder;

/** What the webhook consumer did with the posts it received; exposed as JMX attributes of the endpoint. */
public final class WebhookCounters {

    /** Why a post was refused; each has its own counter and HTTP status. */
    public enum Rejection {
        METHOD(405),
        TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415),
        SIGNATURE(401),
        MALFORMED(400);

        private final int status;
        private final String answer;

        Rejection(int status) {
            this.status = status;
            this.answer = "{\"error\":\"" + name().toLowerCase(java.util.Locale.ROOT) + "\"}";
        }

        public int status() {
            return status;
        }

        /** The JSON body every engine answers this refusal with, e.g. {@code {"error":"too_large"}}. */
        public String answer() {
            return answer;
        }
    }

    private final LongAdder received = new LongAdder();
    private final LongAdder verified = new LongAdder();
    private final LongAdder[] rejected = new LongAdder[Rejection.values().length];
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder inFlightDuplicates = new LongAdder();
    private final LongAdder dedupeUnavailable = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder routeFailures = new LongAdder();
    private final LongAdder processed = new LongAdder();

    public WebhookCounters() {
        for (int i = 0; i < rejected.length; i++) {
            rejected[i] = new LongAdder();
        }
    }

    public void received() {
        received.increment();
    }

    public void verified() {
        verified.increment();
    }

    public void rejected(Rejection reason) {
        rejected[reason.ordinal()].increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void inFlightDuplicate() {
        inFlightDuplicates.increment();
    }

    public void dedupeUnavailable() {
        dedupeUnavailable.increment();
    }

    public void filtered() {
        filtered.increment();
    }

    public void routeFailure() {
        routeFailures.increment();
    }

    public void processed() {
        processed.increment();
    }

    /** Every post that reached the consumer. */
    public long getReceived() {
        return received.sum();
    }

    /** Posts whose signature was valid. */
    public long getVerified() {
        return verified.sum();
    }

    public long getRejected(Rejection reason) {
        return rejected[reason.ordinal()].sum();
    }

    /** All refused posts, whatever the reason. */
    public long getRejectedTotal() {
        long total = 0;
        for (LongAdder adder : rejected) {
            total += adder.sum();
        }
        return total;
    }

    /** Redeliveries of an event already processed: answered 200, not routed. */
    public long getDuplicates() {
        return duplicates.sum();
    }

    /**
     * Redeliveries that arrived while the same event was still being routed (here, or under another instance's lease):
     * answered 503 so Connectly retries.
     */
    public long getInFlightDuplicates() {
        return inFlightDuplicates.sum();
    }

    /** Verified events answered 503 because the idempotent repository failed: Connectly redelivers them. */
    public long getDedupeUnavailable() {
        return dedupeUnavailable.sum();
    }

    /** Events of a topic not in the topics option: answered 200, not routed. */
    public long getFiltered() {
        return filtered.sum();
    }

    /** Events whose route failed: answered 500 so Connectly redelivers. */
    public long getRouteFailures() {
        return routeFailures.sum();
    }

    /** Events routed successfully and answered 200. */
    public long getProcessed() {
        return processed.sum();
    }
}
