package io.camelconnectly.simulator;

import java.time.Duration;

/** The delays between an accepted message and its sent, delivered and read statuses (each relative to the previous one). */
final class StatusTimeline {

    final Duration sent;
    final Duration delivered;
    final Duration read;
    private final long sentNanos;
    private final long deliveredNanos;
    private final long readNanos;

    StatusTimeline(Duration sent, Duration delivered, Duration read) {
        this.sent = sent;
        this.delivered = delivered;
        this.read = read;
        this.sentNanos = sent.toNanos();
        this.deliveredNanos = sentNanos + delivered.toNanos();
        this.readNanos = deliveredNanos + read.toNanos();
    }

    DeliveryStatus statusAfter(long elapsedNanos, boolean failing) {
        if (elapsedNanos < sentNanos) {
            return DeliveryStatus.ACCEPTED;
        }
        if (failing) {
            return DeliveryStatus.DELIVERY_FAILED;
        }
        if (elapsedNanos < deliveredNanos) {
            return DeliveryStatus.SENT;
        }
        return elapsedNanos < readNanos ? DeliveryStatus.DELIVERED : DeliveryStatus.READ;
    }
}
