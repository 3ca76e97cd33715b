package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reliability run: N distinct signed webhook events (inbound texts and delivery statuses, each with a unique key)
 * posted at a given rate to the addresses registered for their topics, a share of them posted twice, each delivery
 * redelivered on a non-2xx answer or no answer under its own policy, and every post accounted for.
 *
 * <p>All its work runs on one Vert.x context: no locks, nothing blocks. Its memory is a few bytes per event (the bodies
 * are rebuilt from the event's index for each post, byte for byte the same), so it is proportional to N and nothing
 * else. Read it while it runs ({@link #totals()}, {@link #outcomes(int, int)}: a snapshot that may trail by an answer)
 * or once {@link #done()}, when the figures are final. Its posts are not added to the simulator's webhook delivery
 * record; {@link WebhookDelivery} stays for the simulator's own events.
 */
public final class EventRun {

    private static final byte DUPLICATE = 1;
    private static final byte ANSWERED = 2;
    private static final byte FIRST_DONE = 4;
    private static final byte DUPLICATE_DONE = 8;
    private static final byte MESSAGE = 16;

    private static final byte ERROR_NONE = 0;
    private static final byte ERROR_HTTP = 1;
    private static final byte ERROR_TIMEOUT = 2;
    private static final byte ERROR_CONNECTION = 3;
    private static final byte ERROR_NO_WEBHOOK = 4;
    private static final String[] ERRORS = {null, "HTTP", "timeout", "connection failed", "no webhook registered for the topic"};
    private static final DeliveryStatus[] STATUS_CYCLE = {DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ,
        DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ,
        DeliveryStatus.READ, DeliveryStatus.DELIVERY_FAILED};

    private final String id;
    private final EventRunSettings settings;
    private final String keyPrefix;
    private final int keyDigits;
    private final Vertx vertx;
    private final Context context;
    private final HttpClient client;
    private final WebhookRegistry registry;
    private final WebhookSigner signer;
    private final WebhookPayloads payloads;
    private final ObjectMapper mapper;
    private final SimulatorSettings business;
    private final long timeoutMillis;
    private final long initialRetryMillis;
    private final long maxRetryMillis;
    private final CompletableFuture<EventRun> finished = new CompletableFuture<>();

    // per event, written on the run's context only
    private final int[] attempts;
    private final short[] lastStatus;
    private final byte[] lastError;
    private final byte[] flags;

    /** Deliveries ready to post: (index << 17) | (duplicate << 16) | attempt. */
    private final ArrayDeque<Long> ready = new ArrayDeque<>();
    private volatile long startNanos;
    private long startEpochSeconds;
    private long ticker = -1;
    private int nextEvent;
    private long unfinishedDeliveries;

    private volatile long endNanos;
    private volatile boolean done;
    private volatile boolean cancelled;
    private volatile int started;
    private volatile int inFlight;
    private volatile long waiting;
    private volatile long duplicated;
    private volatile long deliveries;
    private volatile long redeliveries;
    private volatile long answered2xx;
    private volatile long answered4xx;
    private volatile long answered5xx;
    private volatile long noAnswer;
    private volatile long eventsAnswered2xx;
    private volatile long eventsGivenUp;

    EventRun(String id, EventRunSettings settings, Vertx vertx, WebhookRegistry registry, WebhookSigner signer,
             ObjectMapper mapper, SimulatorSettings business) {
        this.id = id;
        this.settings = settings;
        this.keyPrefix = settings.keyPrefix() != null ? settings.keyPrefix() : id + "-";
        this.keyDigits = Math.max(6, Integer.toString(settings.events() - 1).length());
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.registry = registry;
        this.signer = signer;
        this.mapper = mapper;
        this.payloads = new WebhookPayloads(mapper);
        this.business = business;
        this.timeoutMillis = settings.timeout().toMillis();
        this.initialRetryMillis = settings.initialRetryDelay().toMillis();
        this.maxRetryMillis = settings.maxRetryDelay().toMillis();
        int events = settings.events();
        this.attempts = new int[events];
        this.lastStatus = new short[events];
        this.lastError = new byte[events];
        this.flags = new byte[events];
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = 0; i < events; i++) {
            byte f = 0;
            if (random.nextDouble() < settings.messageShare()) {
                f |= MESSAGE;
            }
            if (random.nextDouble() < settings.duplicates()) {
                f |= DUPLICATE;
            }
            flags[i] = f;
        }
        for (String topic : List.of(WebhookRegistry.TOPIC_MESSAGES, WebhookRegistry.TOPIC_DELIVERY_STATUS)) {
            boolean needed = topic.equals(WebhookRegistry.TOPIC_MESSAGES) ? settings.messageShare() > 0 : settings.messageShare() < 1;
            if (needed && registry.forTopic(topic) == null) {
                throw new IllegalArgumentException("no webhook is registered for topic '" + topic + "': register one (create/webhooks)"
                        + " before the run, or set messageShare to " + (topic.equals(WebhookRegistry.TOPIC_MESSAGES) ? "0" : "1"));
            }
        }
        this.client = WebhookDispatcher.newClient(vertx, timeoutMillis, settings.maxInFlight());
    }

    void start() {
        context.runOnContext(v -> {
            startNanos = System.nanoTime();
            startEpochSeconds = System.currentTimeMillis() / 1000;
            unfinishedDeliveries = 0;
            if (settings.perSecond() > 0) {
                ticker = vertx.setPeriodic(5, t -> pump());
            }
            pump();
        });
    }

    // ------------------------------------------------------------------------------------------------ the run itself

    /** Posts what is ready and what is due, while fewer than maxInFlight posts wait for an answer. */
    private void pump() {
        if (done) {
            return;
        }
        int due = due();
        while (inFlight < settings.maxInFlight()) {
            Long delivery = ready.poll();
            if (delivery != null) {
                waiting--;
                post((int) (delivery >>> 17), (delivery & 0x10000) != 0, (int) (delivery & 0xFFFF));
            } else if (nextEvent < due && !cancelled) {
                int index = nextEvent++;
                started = nextEvent;
                unfinishedDeliveries++;
                if ((flags[index] & DUPLICATE) != 0) {
                    unfinishedDeliveries++;
                    duplicated++;
                    later(settings.duplicateDelay().toMillis(), index, true, 1);
                }
                post(index, false, 1);
            } else {
                break;
            }
        }
        if (nextEvent == settings.events() && ticker >= 0) {
            vertx.cancelTimer(ticker);
            ticker = -1;
        }
        finishIfDone();
    }

    private int due() {
        if (settings.perSecond() == 0) {
            return settings.events();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return (int) Math.min(settings.events(), (long) (seconds * settings.perSecond()) + 1);
    }

    /** Queues a delivery after a delay (0: at once). */
    private void later(long delayMillis, int index, boolean duplicate, int attempt) {
        waiting++;
        long delivery = ((long) index << 17) | (duplicate ? 0x10000 : 0) | attempt;
        if (delayMillis <= 0) {
            ready.add(delivery);
        } else {
            vertx.setTimer(delayMillis, t -> {
                ready.add(delivery);
                pump();
            });
        }
    }

    private void post(int index, boolean duplicate, int attempt) {
        if (cancelled) {
            deliveryFinished(index, duplicate);
            return;
        }
        boolean message = (flags[index] & MESSAGE) != 0;
        String topic = message ? WebhookRegistry.TOPIC_MESSAGES : WebhookRegistry.TOPIC_DELIVERY_STATUS;
        WebhookRegistry.Registration registration = registry.forTopic(topic);
        attempts[index]++;
        deliveries++;
        if (attempt > 1) {
            redeliveries++;
        }
        if (registration == null) {
            answered(index, duplicate, attempt, 0, ERROR_NO_WEBHOOK);
            return;
        }
        byte[] body = body(index);
        inFlight++;
        WebhookDispatcher.post(client, registration.address, timeoutMillis, body, signer.sign(body))
                .onComplete(result -> {
                    inFlight--;
                    answered(index, duplicate, attempt, result.succeeded() ? result.result() : 0, errorOf(result));
                    pump();
                });
    }

    private static byte errorOf(AsyncResult<Integer> result) {
        if (result.succeeded()) {
            int status = result.result();
            return status >= 200 && status < 300 ? ERROR_NONE : ERROR_HTTP;
        }
        return "timeout".equals(WebhookDispatcher.describe(result.cause())) ? ERROR_TIMEOUT : ERROR_CONNECTION;
    }

    private void answered(int index, boolean duplicate, int attempt, int status, byte error) {
        lastStatus[index] = (short) status;
        lastError[index] = error;
        if (status >= 200 && status < 300) {
            answered2xx++;
        } else if (status >= 500) {
            answered5xx++;
        } else if (status >= 400) {
            answered4xx++;
        } else if (status == 0) {
            noAnswer++;
        }
        if (error == ERROR_NONE) {
            if ((flags[index] & ANSWERED) == 0) {
                flags[index] |= ANSWERED;
                eventsAnswered2xx++;
            }
            deliveryFinished(index, duplicate);
        } else if (attempt < settings.maxAttempts() && !cancelled) {
            later(WebhookDispatcher.backoffMillis(initialRetryMillis, maxRetryMillis, attempt), index, duplicate, attempt + 1);
        } else {
            deliveryFinished(index, duplicate);
        }
    }

    private void deliveryFinished(int index, boolean duplicate) {
        flags[index] |= duplicate ? DUPLICATE_DONE : FIRST_DONE;
        unfinishedDeliveries--;
        if (eventFinished(flags[index]) && (flags[index] & ANSWERED) == 0) {
            eventsGivenUp++;
        }
    }

    private static boolean eventFinished(byte f) {
        return (f & FIRST_DONE) != 0 && ((f & DUPLICATE) == 0 || (f & DUPLICATE_DONE) != 0);
    }

    private void finishIfDone() {
        boolean allStarted = nextEvent == settings.events() || cancelled;
        if (!done && allStarted && unfinishedDeliveries == 0 && inFlight == 0 && ready.isEmpty() && waiting == 0) {
            endNanos = System.nanoTime();
            if (ticker >= 0) {
                vertx.cancelTimer(ticker);
                ticker = -1;
            }
            client.close();
            done = true;
            finished.complete(this);
        }
    }

    // ------------------------------------------------------------------------------------------------ event bodies

    /** The key of event {@code index}: the prefix and the zero-padded index, e.g. {@code r1-000042}. */
    public String key(int index) {
        String number = Integer.toString(index);
        return keyPrefix + "0".repeat(Math.max(0, keyDigits - number.length())) + number;
    }

    /** The exact bytes posted for event {@code index}, the same for every post of it. */
    byte[] body(int index) {
        String key = key(index);
        long timestamp = startEpochSeconds + (settings.perSecond() > 0 ? (long) (index / settings.perSecond()) : 0);
        String customer = "+1604556" + String.format("%04d", index % 1000);
        ObjectNode event;
        if ((flags[index] & MESSAGE) != 0) {
            event = payloads.inboundText(timestamp, customer, null, business.defaultSender(), business.businessName, key);
        } else {
            DeliveryStatus status = STATUS_CYCLE[index % STATUS_CYCLE.length];
            ObjectNode error = null;
            if (status == DeliveryStatus.DELIVERY_FAILED) {
                error = payloads.undeliverableError();
                error.put("cntTraceId", Long.toUnsignedString(0x8000_0000_0000_0000L | index)); // fixed: the bytes must not change
            }
            event = payloads.deliveryStatus(timestamp, business.defaultSender(), business.businessName, customer, null, key,
                    status, error, null, mapper.createObjectNode().put("eventKey", key));
        }
        try {
            return mapper.writeValueAsBytes(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------ reading

    public String id() {
        return id;
    }

    /** A copy of the settings it runs with. */
    public EventRunSettings settings() {
        return settings.copy();
    }

    public boolean done() {
        return done;
    }

    /** Stops starting events and redelivering; posts in flight finish. The run is then done. */
    public void cancel() {
        cancelled = true;
        context.runOnContext(v -> {
            while (!ready.isEmpty()) {
                long delivery = ready.poll();
                waiting--;
                deliveryFinished((int) (delivery >>> 17), (delivery & 0x10000) != 0);
            }
            pump();
        });
    }

    /**
     * Waits until the run is done; false when it is not done within {@code timeout}. Blocks the calling thread: call it
     * from a test or a script, never from a Vert.x event loop.
     */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        try {
            finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Completes when the run is done. */
    public CompletableFuture<EventRun> whenDone() {
        return finished.copy();
    }

    public EventRunTotals totals() {
        boolean isDone = done; // read first: once true, every figure below is final
        long end = isDone ? endNanos : System.nanoTime();
        long elapsed = startNanos == 0 ? 0 : (end - startNanos) / 1_000_000;
        return new EventRunTotals(settings.events(), started, duplicated, deliveries, redeliveries, answered2xx,
                answered4xx, answered5xx, noAnswer, eventsAnswered2xx, eventsGivenUp, inFlight, waiting, elapsed, isDone,
                cancelled);
    }

    public EventOutcome outcome(int index) {
        if (index < 0 || index >= settings.events()) {
            throw new IllegalArgumentException("event index " + index + " is outside 0.." + (settings.events() - 1));
        }
        byte f = flags[index];
        byte error = lastError[index];
        int status = lastStatus[index];
        String errorText = error == ERROR_NONE ? null : error == ERROR_HTTP ? "HTTP " + status : ERRORS[error];
        return new EventOutcome(index, key(index), (f & MESSAGE) != 0 ? WebhookRegistry.TOPIC_MESSAGES
                : WebhookRegistry.TOPIC_DELIVERY_STATUS, (f & DUPLICATE) != 0, attempts[index], status, errorText,
                (f & ANSWERED) != 0, eventFinished(f));
    }

    /** The outcomes of events {@code from} (inclusive) to {@code from + limit} (exclusive, cut at the end). */
    public List<EventOutcome> outcomes(int from, int limit) {
        int end = (int) Math.min(settings.events(), (long) Math.max(0, from) + Math.max(0, limit));
        List<EventOutcome> list = new ArrayList<>(Math.max(0, end - from));
        for (int i = Math.max(0, from); i < end; i++) {
            list.add(outcome(i));
        }
        return list;
    }

    /** Every event's outcome, in order. */
    public List<EventOutcome> outcomes() {
        return outcomes(0, settings.events());
    }

    @Override
    public String toString() {
        return "EventRun[" + id + ", " + totals().summary() + "]";
    }
}
