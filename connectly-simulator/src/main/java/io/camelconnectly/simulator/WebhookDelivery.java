package io.camelconnectly.simulator;

import java.time.Instant;

/**
 * One attempt to post a webhook event to a registered address.
 *
 * @param eventId     identifies the event across its redeliveries (same for every attempt of one event)
 * @param attempt     1 for the first post, 2 for the first redelivery, ...; 0 when the event was dropped because
 *                    {@code maxPendingWebhooks} events were already in flight
 * @param attemptedAt wall-clock time of the attempt
 * @param url         the registered address
 * @param topic       {@code messages} or {@code delivery_status}
 * @param body        the exact body posted (its bytes are what was signed)
 * @param signature   the {@code x-connectly-hmac-sha256} header sent
 * @param status      the HTTP status answered, or 0 when there was no answer (timeout, refused connection)
 * @param error       why there was no (2xx) answer: {@code timeout}, a connection error, or null on success
 * @param willRetry   whether a redelivery is scheduled after this attempt
 */
public record WebhookDelivery(long eventId, int attempt, Instant attemptedAt, String url, String topic, String body,
                              String signature, int status, String error, boolean willRetry) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public boolean timedOut() {
        return "timeout".equals(error);
    }
}
