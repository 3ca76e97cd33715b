package io.camelconnectly.component.connectly;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelconnectly.component.connectly.dedupe.LeasedIdempotentRepository;
import io.camelconnectly.component.connectly.dedupe.LeasedIdempotentRepository.Claim;
import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.component.connectly.webhook.MalformedWebhookException;
import io.camelconnectly.component.connectly.webhook.RejectionLog;
import io.camelconnectly.component.connectly.webhook.WebhookCounters;
import io.camelconnectly.component.connectly.webhook.WebhookCounters.Rejection;
import io.camelconnectly.component.connectly.webhook.WebhookDedupeKeys;
import io.camelconnectly.component.connectly.webhook.WebhookEventParser;
import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook post received through platform-http, in this order: method, size, raw bytes, signature (before
 * any parsing), JSON, topic filter, deduplication; then routes the typed event and answers only once the route has
 * completed: 200 on success, 500 on failure so that Connectly redelivers. A failed attempt releases its dedupe key.
 * <p>
 * Deduplication: a {@link LeasedIdempotentRepository} (shared by several instances) tells a completed event (200
 * duplicate) from one that another attempt still holds under a live lease (503, so Connectly retries); any other
 * repository only knows "seen". Every repository but the in-memory one is called on the handler's own pool, and the
 * route then runs there: never a repository call on a Vert.x event loop or an HTTP client I/O thread.
 * <p>
 * Used by {@link ConnectlyWebhookConsumer} ({@code from("connectly:webhook")}, the event travels in a fresh exchange of
 * that consumer) and by Camel's {@code webhook:} meta-component (the event replaces the HTTP request in the same
 * exchange). Either way the HTTP answer carries only a status, a small JSON body and Content-Type: request headers are
 * never echoed back.
 */
public class ConnectlyWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyWebhookHandler.class);

    static final List<String> ALL_TOPICS = List.of(ConnectlyWebhookEvent.TOPIC_MESSAGES, ConnectlyWebhookEvent.TOPIC_DELIVERY_STATUS);

    private static final String JSON = "application/json";
    private static final byte[] PROCESSED = json("{\"status\":\"processed\"}");
    private static final byte[] DUPLICATE = json("{\"status\":\"duplicate\"}");
    private static final byte[] FILTERED = json("{\"status\":\"filtered\"}");
    private static final byte[] IN_FLIGHT = json("{\"error\":\"the same event is being processed; retry later\"}");
    private static final byte[] DEDUPE_UNAVAILABLE = json("{\"error\":\"deduplication store unavailable; retry later\"}");
    private static final byte[] ROUTE_FAILED = json("{\"error\":\"processing failed; retry later\"}");
    private static final byte[][] REJECTION_BODIES = rejectionBodies();
    private static final int LOG_KIND_ROUTE_FAILURE = Rejection.values().length;
    private static final int LOG_KIND_DEDUPE = LOG_KIND_ROUTE_FAILURE + 1;

    private static final String DEDUPE_POOL = "ConnectlyWebhookDedupe";
    /** As many as Vert.x platform-http's worker threads: each post waits on one of those while it is processed here. */
    private static final int DEDUPE_THREADS = 20;
    private static final int DEDUPE_QUEUE = 1000;
    /** Set while a task of our dedupe pool runs: repository calls may block there. */
    private static final ThreadLocal<Boolean> ON_DEDUPE_THREAD = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Where a verified event goes: a fresh exchange of our consumer, or the HTTP exchange itself (webhook:). */
    interface RouteTarget {
        Exchange eventExchange(Exchange http);

        AsyncProcessor processor();

        boolean inPlace();

        void release(Exchange event);
    }

    private final ConnectlyEndpoint endpoint;
    private final RouteTarget target;
    private final WebhookCounters counters;
    private final WebhookEventParser parser = new WebhookEventParser();
    private final RejectionLog rejectionLog = new RejectionLog(LOG, Rejection.values().length + 2);
    /** Keys whose first delivery is being routed on this instance right now. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private WebhookSignatureVerifier verifier;
    private Set<String> topics;
    private int maxBodySize;
    private IdempotentRepository repository;
    private LeasedIdempotentRepository leased;
    private boolean blocking;
    private volatile ExecutorService dedupeExecutor;

    ConnectlyWebhookHandler(ConnectlyEndpoint endpoint, RouteTarget target) {
        this.endpoint = endpoint;
        this.target = target;
        this.counters = endpoint.getWebhookCounters();
    }

    @Override
    protected void doStart() throws Exception {
        ConnectlyConfiguration configuration = endpoint.getConfiguration();
        verifier = new WebhookSignatureVerifier(configuration.getWebhookSecret());
        topics = parseTopics(configuration.getTopics());
        maxBodySize = configuration.getMaxBodySize();
        if (maxBodySize <= 0) {
            throw new IllegalArgumentException("Option maxBodySize must be a positive number of bytes, was " + maxBodySize);
        }
        repository = endpoint.resolveIdempotentRepository();
        leased = repository instanceof LeasedIdempotentRepository leasedRepository ? leasedRepository : null;
        // the in-memory repository answers in nanoseconds: called inline. Any other may block (JDBC, a remote cache):
        // called on our own pool, never on a platform-http event loop or an HTTP client I/O thread
        blocking = !(repository instanceof MemoryIdempotentRepository);
        // the context injects itself, starts it, and stops it with the context (it may be shared by several endpoints)
        endpoint.getCamelContext().addService(repository, true, true);
        if (blocking) {
            ThreadPoolProfile profile = new ThreadPoolProfileBuilder(DEDUPE_POOL)
                    .poolSize(DEDUPE_THREADS).maxPoolSize(DEDUPE_THREADS).maxQueueSize(DEDUPE_QUEUE)
                    .allowCoreThreadTimeOut(true).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
            dedupeExecutor = endpoint.getCamelContext().getExecutorServiceManager().newThreadPool(this, DEDUPE_POOL, profile);
        }
        LOG.info("Connectly webhook verifying with {} secret(s), topics {}, at most {} bytes, deduplicating with {}{}",
                verifier.secretCount(), topics == null ? "all" : topics, maxBodySize, repository.getClass().getSimpleName(),
                blocking ? " (on its own threads)" : "");
    }

    @Override
    protected void doStop() throws Exception {
        if (dedupeExecutor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(dedupeExecutor);
            dedupeExecutor = null;
        }
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        counters.received();
        Message in = http.getMessage();

        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            return reject(http, callback, Rejection.METHOD, "method " + method + " is not allowed, only POST", 0);
        }
        Long declaredLength = contentLength(in);
        if (declaredLength != null && declaredLength > maxBodySize) {
            return reject(http, callback, Rejection.TOO_LARGE,
                    "Content-Length " + declaredLength + " exceeds maxBodySize " + maxBodySize, declaredLength);
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (isForm(contentType)) {
            // the HTTP server parses form bodies into fields: the exact signed bytes are gone
            return reject(http, callback, Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + contentType + " cannot be verified (the server parses form bodies); Connectly sends "
                                                                            + "text/plain or application/json",
                    declaredLength != null ? declaredLength : 0);
        }
        byte[] raw;
        try {
            raw = rawBytes(http, in);
        } catch (IOException e) {
            return reject(http, callback, Rejection.MALFORMED, "the body could not be read: " + e, 0);
        }
        if (raw == null) {
            return reject(http, callback, Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "body of type " + in.getBody().getClass().getName() + " cannot be read as bytes", 0);
        }
        if (raw.length > maxBodySize) {
            return reject(http, callback, Rejection.TOO_LARGE,
                    "body exceeds maxBodySize " + maxBodySize + " (stopped reading at " + raw.length + " bytes)", raw.length);
        }

        String signature = in.getHeader(WebhookSignatureVerifier.SIGNATURE_HEADER, String.class);
        if (signature == null || signature.isBlank()) {
            return reject(http, callback, Rejection.SIGNATURE,
                    "header " + WebhookSignatureVerifier.SIGNATURE_HEADER + " is missing", raw.length);
        }
        if (!verifier.verify(raw, signature)) {
            return reject(http, callback, Rejection.SIGNATURE,
                    "signature does not match the body with any configured webhookSecret (wrong secret, or the body was "
                                                                 + "changed on the way)",
                    raw.length);
        }
        counters.verified();

        ConnectlyWebhookEvent event;
        try {
            event = parser.parse(raw);
        } catch (MalformedWebhookException e) {
            return reject(http, callback, Rejection.MALFORMED, e.getMessage(), raw.length);
        }

        if (topics != null && !topics.contains(event.getTopic())) {
            counters.filtered();
            LOG.debug("Connectly webhook of topic {} acknowledged and not routed (topics {})", event.getTopic(), topics);
            return answer(http, callback, 200, FILTERED, null, null, true);
        }

        String key = WebhookDedupeKeys.keyOf(event, raw);
        if (!inFlight.add(key)) {
            counters.inFlightDuplicate();
            LOG.debug("Connectly webhook {} arrived again while its first delivery is being routed: answered 503", event);
            return answer(http, callback, 503, IN_FLIGHT, "Retry-After", "1", true);
        }
        if (!blocking) {
            return deduplicate(http, callback, event, key, true);
        }
        ExecutorService executor = dedupeExecutor;
        if (executor == null) {
            inFlight.remove(key);
            return dedupeUnavailable(http, callback, "the consumer is stopping", true);
        }
        try {
            executor.execute(onDedupeThread(() -> deduplicate(http, callback, event, key, false)));
            return false;
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
            return dedupeUnavailable(http, callback, "its thread pool is full (" + DEDUPE_QUEUE + " waiting)", true);
        }
    }

    /**
     * Asks the repository whether the event is new, then answers or routes it.
     *
     * @param sync true when called within {@link #process(Exchange, AsyncCallback)} (the answer may be synchronous),
     *             false on a dedupe thread after process returned false
     */
    private boolean deduplicate(Exchange http, AsyncCallback callback, ConnectlyWebhookEvent event, String key, boolean sync) {
        Claim claim;
        try {
            claim = leased != null ? leased.claim(key) : repository.add(key) ? Claim.CLAIMED : Claim.COMPLETED;
        } catch (RuntimeException e) {
            inFlight.remove(key);
            return dedupeUnavailable(http, callback, e.toString(), sync);
        }
        if (claim == Claim.COMPLETED) {
            inFlight.remove(key);
            counters.duplicate();
            LOG.debug("Connectly webhook {} was processed before: answered 200, not routed", event);
            return answer(http, callback, 200, DUPLICATE, null, null, sync);
        }
        if (claim == Claim.IN_FLIGHT) {
            // another instance routes it under a live lease: if that attempt fails, this retried delivery is processed
            inFlight.remove(key);
            counters.inFlightDuplicate();
            LOG.debug("Connectly webhook {} is being routed by another instance: answered 503", event);
            return answer(http, callback, 503, IN_FLIGHT, "Retry-After", "1", sync);
        }
        return routeFirstDelivery(http, callback, event, key, sync);
    }

    /**
     * The single place every verified event passes exactly once per successful claim (first delivery, or redelivery of
     * an attempt that never completed), right before its route runs: hand accepted events on from here. On a blocking
     * repository this runs on a dedupe thread, else on the platform-http thread; never on an event loop.
     */
    private boolean routeFirstDelivery(
            Exchange http, AsyncCallback callback, ConnectlyWebhookEvent event, String key, boolean sync) {
        endpoint.recordConversationWindow(event);
        Exchange routed;
        try {
            routed = target.eventExchange(http);
            populate(routed.getMessage(), event, key);
        } catch (RuntimeException e) {
            removeQuietly(key);
            inFlight.remove(key);
            counters.routeFailure();
            rejectionLog.log(LOG_KIND_ROUTE_FAILURE, "Connectly webhook {} answered 500: cannot create its exchange: {}", event,
                    e.toString());
            return answer(http, callback, 500, ROUTE_FAILED, null, null, sync);
        }
        // exactly one answer, even if a misbehaving processor throws after calling back
        AtomicBoolean answered = new AtomicBoolean();
        AsyncCallback once = doneSync -> {
            if (answered.compareAndSet(false, true)) {
                complete(http, routed, event, key, callback, sync && doneSync);
            }
        };
        try {
            return target.processor().process(routed, once) && sync;
        } catch (Throwable e) {
            // an AsyncProcessor should not throw, but never leave Connectly's request hanging if it does
            if (!answered.get()) {
                routed.setException(e);
            }
            once.done(true);
            return sync;
        }
    }

    /** The route completed (on any thread, an HTTP client I/O thread included): mark the key, then answer. */
    private void complete(Exchange http, Exchange routed, ConnectlyWebhookEvent event, String key, AsyncCallback callback,
                          boolean doneSync) {
        boolean failed = routed.isFailed() || routed.isRollbackOnly();
        if (blocking && !ON_DEDUPE_THREAD.get()) {
            ExecutorService executor = dedupeExecutor;
            if (executor != null) {
                try {
                    executor.execute(onDedupeThread(() -> finish(http, routed, event, key, callback, failed, false)));
                    return;
                } catch (RejectedExecutionException e) {
                    // the pool is full or stopping: handled below
                }
            }
            // The pool is full (overload) or gone (the consumer stopped while this route ran): update the repository on
            // this thread. Blocking it once is the lesser harm: without the update a failed event would stay marked, so
            // Connectly's redelivery would be answered as a duplicate and never routed.
            LOG.warn("Connectly webhook {}: the dedupe thread pool is {}; updating the idempotent repository on thread {}",
                    event, executor == null ? "stopped" : "full", Thread.currentThread().getName());
        }
        finish(http, routed, event, key, callback, failed, doneSync);
    }

    private void finish(Exchange http, Exchange routed, ConnectlyWebhookEvent event, String key, AsyncCallback callback,
                        boolean failed, boolean doneSync) {
        try {
            if (failed) {
                // forget the key first, then leave in-flight: a redelivery is then either refused 503 or processed
                removeQuietly(key);
                counters.routeFailure();
                rejectionLog.log(LOG_KIND_ROUTE_FAILURE,
                        "Connectly webhook {} answered 500 so Connectly redelivers it: the route failed: {}", event,
                        routed.getException() != null ? routed.getException().toString() : "rolled back");
                if (target.inPlace() && http.getException() != null) {
                    // the exception stays on the exchange: platform-http answers 500 without a stack trace
                    Message message = http.getMessage();
                    message.getHeaders().clear();
                    message.setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
                } else {
                    respond(http, 500, ROUTE_FAILED, null, null);
                }
            } else {
                try {
                    repository.confirm(key);
                } catch (RuntimeException e) {
                    LOG.warn("Connectly webhook {} was processed but the idempotent repository failed to confirm it: {}",
                            event, e.toString());
                }
                counters.processed();
                respond(http, 200, PROCESSED, null, null);
            }
        } finally {
            inFlight.remove(key);
            try {
                target.release(routed);
            } finally {
                callback.done(doneSync);
            }
        }
    }

    private boolean dedupeUnavailable(Exchange http, AsyncCallback callback, String why, boolean sync) {
        counters.dedupeUnavailable();
        rejectionLog.log(LOG_KIND_DEDUPE, "Connectly webhook answered 503: the idempotent repository failed: {}", why);
        return answer(http, callback, 503, DEDUPE_UNAVAILABLE, "Retry-After", "5", sync);
    }

    private static Runnable onDedupeThread(Runnable task) {
        return () -> {
            ON_DEDUPE_THREAD.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                ON_DEDUPE_THREAD.remove();
            }
        };
    }

    private void removeQuietly(String key) {
        try {
            repository.remove(key);
        } catch (RuntimeException e) {
            LOG.warn("Connectly webhook: the idempotent repository failed to forget a failed event, so its redelivery "
                     + "may be refused until its in-flight mark expires (or, without a lease, taken for a duplicate): {}",
                    e.toString());
        }
    }

    /**
     * A post refused by the HTTP server's own reading (Vert.x body limit) before it reached {@link #process}: counted
     * and logged like the others.
     */
    void rejectedWhileReading(String path, String contentLength, Long serverLimit) {
        counters.received();
        counters.rejected(Rejection.TOO_LARGE);
        rejectionLog.log(Rejection.TOO_LARGE.ordinal(),
                "Connectly webhook rejected with 413 (too_large): body exceeds the HTTP server's limit of {} bytes "
                                                        + "(Content-Length {}); refused while reading, connection closed; path {}",
                serverLimit, contentLength != null ? contentLength : "absent", path);
    }

    private static void populate(Message message, ConnectlyWebhookEvent event, String dedupeKey) {
        message.setBody(event);
        message.setHeader(ConnectlyConstants.DEDUPE_KEY, dedupeKey);
        message.setHeader(ConnectlyConstants.TOPIC, event.getTopic());
        message.setHeader(ConnectlyConstants.EVENT_TYPE, event.getEventType());
        setIfPresent(message, ConnectlyConstants.CUSTOMER_NUMBER, event.getCustomerNumber());
        setIfPresent(message, ConnectlyConstants.BUSINESS_NUMBER, event.getBusinessNumber());
        setIfPresent(message, ConnectlyConstants.MESSAGE_ID, event.getMessageId());
        setIfPresent(message, ConnectlyConstants.TIMESTAMP, event.getTimestamp());
        // defaults for a reply: an option on the producer's endpoint outranks them (WebhookEventDefaults)
        WebhookEventDefaults.set(message, ConnectlyConstants.CALLBACK_DATA, event.getCallbackDataValue());
        message.setHeader(ConnectlyConstants.RAW_BODY, event.getRawJson());
        if (event instanceof DeliveryStatusEvent status) {
            setIfPresent(message, ConnectlyConstants.STATUS_UPDATE_ID, status.getStatusUpdateId());
        } else if (event instanceof InboundMessageEvent) {
            // the reply path: connectly:sendMessage reads its recipient from this header. Deliberately not set for
            // delivery statuses, so that a route cannot answer every status with a message by accident.
            WebhookEventDefaults.set(message, ConnectlyConstants.RECIPIENT, event.getCustomerNumber());
        }
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    private boolean reject(Exchange http, AsyncCallback callback, Rejection reason, String why, long bodyLength) {
        counters.rejected(reason);
        rejectionLog.log(reason.ordinal(), "Connectly webhook rejected with {} ({}): {}; path {}, {} bytes",
                reason.status(), reason.name().toLowerCase(Locale.ROOT), why,
                http.getMessage().getHeader(Exchange.HTTP_PATH, String.class), bodyLength);
        byte[] body = REJECTION_BODIES[reason.ordinal()];
        if (reason == Rejection.METHOD) {
            return answer(http, callback, reason.status(), body, "Allow", "POST", true);
        }
        return answer(http, callback, reason.status(), body, null, null, true);
    }

    /** Answers and calls back; {@code sync}: still within process() (else on another thread after it returned false). */
    private static boolean answer(
            Exchange http, AsyncCallback callback, int status, byte[] body, String extraHeader, String extraValue,
            boolean sync) {
        respond(http, status, body, extraHeader, extraValue);
        callback.done(sync);
        return sync;
    }

    /**
     * Replaces whatever the message holds (request headers included) with our answer. The body is a ByteBuffer: Vert.x
     * platform-http writes it directly with a Content-Length (a byte[] would be pumped as a stream through a worker
     * thread); servlet engines write it like any body.
     */
    private static void respond(Exchange http, int status, byte[] body, String extraHeader, String extraValue) {
        Message message = http.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, JSON);
        if (extraHeader != null) {
            message.setHeader(extraHeader, extraValue);
        }
        // a fresh read-only view each time: the writer consumes its position
        message.setBody(ByteBuffer.wrap(body).asReadOnlyBuffer());
    }

    /**
     * The exact bytes received, at most {@code maxBodySize + 1} of them when the body is still a stream (a longer array
     * means too large). platform-http-vertx hands over a Vert.x Buffer read within the server's body limit (see
     * {@link VertxWebhookBodyLimit}), converted to byte[] without decoding. Servlet engines (Spring Boot) hand over
     * the request's InputStream or Reader unread: it is read here, and never past the bound.
     */
    private byte[] rawBytes(Exchange http, Message in) throws IOException {
        // servlet engines read the body lazily: ask for the raw stream instead of a copy of the whole body
        http.setProperty(Exchange.DISABLE_HTTP_STREAM_CACHE, Boolean.TRUE);
        Object body = in.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof Map) {
            return null;
        }
        if (body instanceof InputStream stream) {
            return stream.readNBytes(maxBodySize + 1);
        }
        if (body instanceof Reader reader) {
            // a Reader has decoded the bytes already (servlet getReader): re-encoded with the request's charset
            char[] chars = new char[maxBodySize + 1];
            int length = 0;
            int read;
            while (length < chars.length && (read = reader.read(chars, length, chars.length - length)) > 0) {
                length += read;
            }
            // more than maxBodySize characters are more than maxBodySize bytes in any charset
            return new String(chars, 0, length).getBytes(ExchangeHelper.getCharsetName(http));
        }
        return http.getContext().getTypeConverter().tryConvertTo(byte[].class, http, body);
    }

    private static Long contentLength(Message in) {
        Object value = in.getHeader("Content-Length");
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    /** @return the accepted topics, or null for all */
    static Set<String> parseTopics(String option) {
        if (option == null || option.isBlank()) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String topic : option.split(",")) {
            String trimmed = topic.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!ALL_TOPICS.contains(trimmed)) {
                throw new IllegalArgumentException("Option topics has unknown topic '" + topic.trim()
                                                   + "'; allowed: messages, delivery_status (comma-separated)");
            }
            result.add(trimmed);
        }
        return result.isEmpty() ? null : Set.copyOf(result);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] rejectionBodies() {
        byte[][] bodies = new byte[Rejection.values().length][];
        for (Rejection reason : Rejection.values()) {
            bodies[reason.ordinal()] = json(reason.answer());
        }
        return bodies;
    }
}
