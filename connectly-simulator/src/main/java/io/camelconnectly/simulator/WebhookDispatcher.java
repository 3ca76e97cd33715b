package io.camelconnectly.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts signed webhook events with Vert.x's HttpClient and redelivers on a non-2xx answer or a timeout, with
 * exponential backoff (initial delay, doubled each time, at most 60 s) up to a bounded number of attempts. Every
 * attempt is recorded. Nothing blocks: all work runs on Vert.x event loops and timers.
 */
final class WebhookDispatcher {

    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final WebhookRegistry registry;
    private final WebhookSigner signer;
    private final BoundedLog<WebhookDelivery> deliveries;
    private final long timeoutMillis;
    private final long initialBackoffMillis;
    private final int maxAttempts;
    private final AtomicLong eventIds = new AtomicLong();
    /** Events posted or waiting for a redelivery; bounded so a load test with a slow receiver cannot exhaust memory. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final int maxPending;
    private volatile boolean closed;

    WebhookDispatcher(Vertx vertx, WebhookRegistry registry, WebhookSigner signer, BoundedLog<WebhookDelivery> deliveries,
                      Duration timeout, Duration initialBackoff, int maxAttempts, int maxPending) {
        this.maxPending = maxPending;
        this.vertx = vertx;
        this.registry = registry;
        this.signer = signer;
        this.deliveries = deliveries;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.initialBackoffMillis = Math.max(1, initialBackoff.toMillis());
        this.maxAttempts = maxAttempts;
        this.client = newClient(vertx, timeoutMillis, 32);
    }

    /** A keep-alive client for webhook posts (https verified against the JVM's trust store). */
    static HttpClient newClient(Vertx vertx, long connectTimeoutMillis, int maxPoolSize) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(maxPoolSize)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis))
                .setTrustAll(false)
                .setVerifyHost(true));
    }

    /**
     * Posts one signed event as Connectly does; completes with the HTTP status once the answer's body is read, or
     * fails (timeout, connection refused or reset).
     */
    static Future<Integer> post(HttpClient client, String url, long timeoutMillis, byte[] body, String signature) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setTimeout(timeoutMillis)
                .putHeader("content-type", "text/plain; charset=utf-8")
                .putHeader(WebhookSigner.HEADER, signature)
                .putHeader("user-agent", "connectly-simulator/0.1");
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    /** The backoff before redelivery number {@code attempt} (1 = the first redelivery): doubled each time, capped. */
    static long backoffMillis(long initialMillis, long maxMillis, int attempt) {
        return Math.min(maxMillis, initialMillis << Math.min(20, attempt - 1));
    }

    boolean hasSubscriber(String topic) {
        return registry.forTopic(topic) != null;
    }

    /**
     * Posts the event to the topic's registered address, if any, unless the registration's filters or channelTypes
     * exclude it: then it is recorded, not posted (attempt 0, error "filtered: why").
     */
    void publish(String topic, WebhookConfiguration.EventFields fields, byte[] body) {
        WebhookRegistry.Registration registration = registry.forTopic(topic);
        if (registration == null || closed) {
            return;
        }
        long eventId = eventIds.incrementAndGet();
        String rejection = registration.configuration.rejection(fields);
        if (rejection != null) {
            deliveries.add(new WebhookDelivery(eventId, 0, Instant.now(), registration.address, topic,
                    new String(body, StandardCharsets.UTF_8), null, 0, WebhookDelivery.FILTERED + rejection, false));
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            deliveries.add(new WebhookDelivery(eventId, 0, Instant.now(), registration.address, topic,
                    new String(body, StandardCharsets.UTF_8), null, 0,
                    WebhookDelivery.DROPPED + maxPending + " webhook events are already pending", false));
            return;
        }
        attempt(eventId, 1, registration.address, topic, body, signer.sign(body));
    }

    private void attempt(long eventId, int attempt, String url, String topic, byte[] body, String signature) {
        if (closed) {
            pending.decrementAndGet();
            return;
        }
        post(client, url, timeoutMillis, body, signature)
                .onComplete(result -> {
                    int status = result.succeeded() ? result.result() : 0;
                    String error = result.succeeded()
                            ? (status >= 200 && status < 300 ? null : "HTTP " + status)
                            : describe(result.cause());
                    boolean retry = error != null && attempt < maxAttempts && !closed;
                    deliveries.add(new WebhookDelivery(eventId, attempt, Instant.now(), url, topic,
                            new String(body, StandardCharsets.UTF_8), signature, status, error, retry));
                    if (!retry) {
                        pending.decrementAndGet();
                    } else {
                        long delay = backoffMillis(initialBackoffMillis, MAX_BACKOFF_MILLIS, attempt);
                        vertx.setTimer(delay, id -> attempt(eventId, attempt + 1, url, topic, body, signature));
                    }
                });
    }

    static String describe(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "timeout";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    void close() {
        closed = true;
        client.close();
    }
}
