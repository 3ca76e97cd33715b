package io.camelconnectly.simulator;

import java.time.Instant;

/**
 * One attempt to post a webhook event to a registered address.
 *
 * @param eventId     identifies the event across its redeliveries (same for every attempt of one event)
 * @param attempt     1 for the first post, 2 for the first redelivery, ...; 0 when the event was not posted: it was
 *                    filtered out by the registration's {@code filters} or {@code channelTypes} ({@link #filtered()}),
 *                    or dropped because {@code maxPendingWebhooks} events were already in flight ({@link #dropped()})
 * @param attemptedAt wall-clock time of the attempt
 * @param url         the registered address
 * @param topic       {@code messages} or {@code delivery_status}
 * @param body        the exact body posted (its bytes are what was signed)
 * @param signature   the {@code x-connectly-hmac-sha256} header sent, null when not posted
 * @param status      the HTTP status answered, or 0 when there was no answer (timeout, refused connection)
 * @param error       why there was no (2xx) answer: {@code timeout}, a connection error, or null on success;
 *                    {@code "filtered: <why>"} or {@code "dropped: <why>"} when not posted
 * @param willRetry   whether a redelivery is scheduled after this attempt
 */
public record WebhookDelivery(long eventId, int attempt, Instant attemptedAt, String url, String topic, String body,
                              String signature, int status, String error, boolean willRetry) {

    static final String FILTERED = "filtered: ";
    static final String DROPPED = "dropped: ";

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public boolean timedOut() {
        return "timeout".equals(error);
    }

    /** Not posted: the registration's filters or channelTypes exclude the event ({@link #error()} says which). */
    public boolean filtered() {
        return attempt == 0 && error != null && error.startsWith(FILTERED);
    }

    /** Not posted: {@code maxPendingWebhooks} events were already in flight. */
    public boolean dropped() {
        return attempt == 0 && error != null && error.startsWith(DROPPED);
    }
}
