package io.camelconnectly.simulator;

/**
 * What happened to one event of an {@link EventRun}.
 *
 * @param index        0-based position in the run
 * @param key          the event's unique identity: {@code message.text} of an inbound message, {@code statusUpdate.id}
 *                     (and {@code callbackData.eventKey}) of a delivery status
 * @param topic        {@code messages} or {@code delivery_status}
 * @param duplicated   whether it was (or will be) posted a second time as a duplicate
 * @param attempts     posts of it so far, duplicates and redeliveries included
 * @param lastStatus   the HTTP status of the last answer, 0 when the last post got none (or nothing was posted yet)
 * @param lastError    why the last post got no 2xx: {@code HTTP 503}, {@code timeout}, a connection error; null after a 2xx
 * @param answered2xx  whether any post of it was answered 2xx
 * @param finished     whether every delivery of it finished (a 2xx, or its attempts used up)
 */
public record EventOutcome(int index, String key, String topic, boolean duplicated, int attempts, int lastStatus,
                           String lastError, boolean answered2xx, boolean finished) {

    /** Finished without a 2xx answer: the simulator gave up on it. */
    public boolean givenUp() {
        return finished && !answered2xx;
    }
}
