package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local Connectly: the REST API with its rules, signed webhooks with redelivery, simulated customers and a chat
 * page, on a loopback port.
 *
 * <pre>{@code
 * try (ConnectlySimulator sim = ConnectlySimulator.builder().port(0).build().start()) {
 *     sim.customer("+16045550123").sendsText("hi");   // opens the 24-hour window with the first business number
 *     // point your client at sim.baseUrl() with sim.apiKey() and sim.businessId()
 *     sim.requests();           // what your client sent
 *     sim.webhookDeliveries();  // what the simulator posted back
 * }
 * }</pre>
 *
 * <p>Memory stays bounded under load: the last {@link Builder#requestRecordCapacity(int)} requests and
 * {@link Builder#deliveryRecordCapacity(int)} webhook attempts are kept, each conversation keeps its last 200
 * messages, and the last 20,000 outbound messages can be quoted by customer replies.
 */
public final class ConnectlySimulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "sim-api-key";
    public static final String DEFAULT_BUSINESS_ID = "sim-business";
    public static final String DEFAULT_WEBHOOK_SECRET = "sim-webhook-secret";
    public static final String DEFAULT_BUSINESS_NUMBER = "+14155550100";
    public static final Duration DEFAULT_TEMPLATE_APPROVAL_DELAY = Duration.ofSeconds(3);
    public static final Duration DEFAULT_STATUS_DELAY = Duration.ofMillis(100);

    private final Builder config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SimulatorClock clock = new SimulatorClock();
    private final SimulatorSettings settings;
    private final BoundedLog<RecordedRequest> requests;
    private final BoundedLog<WebhookDelivery> deliveries;
    private final Conversations conversations;
    private final WebhookRegistry webhooks = new WebhookRegistry();
    private final TemplateRegistry templates;
    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final FaultInjector faults = new FaultInjector();
    private final OperationCounters operationCounters = new OperationCounters();
    private final RateLimiter rateLimiter;
    private final AutoReplier autoReplier;
    /** The last {@link #MAX_EVENT_RUNS} event runs by id, oldest first. */
    private final Map<String, EventRun> eventRuns = new java.util.LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger eventRunIds = new java.util.concurrent.atomic.AtomicInteger();
    static final int MAX_EVENT_RUNS = 8;
    private Vertx vertx;
    private WebhookDispatcher dispatcher;
    private ConnectlyApi api;
    private final List<HttpServer> servers = new ArrayList<>();
    private volatile int port = -1;

    private ConnectlySimulator(Builder config) {
        this.config = config;
        this.settings = new SimulatorSettings(config.businessId, config.apiKey, config.webhookSecret,
                config.businessNumbers, config.businessName, config.failingNumbers,
                new StatusTimeline(config.sentDelay, config.deliveredDelay, config.readDelay));
        this.requests = new BoundedLog<>(config.requestRecordCapacity);
        this.deliveries = new BoundedLog<>(config.deliveryRecordCapacity);
        this.conversations = new Conversations(200, 20_000);
        this.templates = new TemplateRegistry(clock, config.templateApprovalDelay);
        this.rateLimiter = new RateLimiter(config.rateLimit, config.rateLimitRetryAfterSeconds);
        this.autoReplier = new AutoReplier(new AutoReplier.Settings(config.autoReplyDelay != null,
                config.autoReplyDelay == null ? Duration.ofSeconds(2) : config.autoReplyDelay, config.autoReplyText,
                config.autoReplyLimit), config.noAutoReplyNumbers, settings.statusTimeline);
        config.startupFaults.forEach(faults::inject);
        seed();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void seed() {
        templates.seed("order_shipped", "en", "MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY", components(
                "[{\"body\":{\"text\":{\"text\":\"Hi {{1}}, your order {{2}} has shipped. Reply here if you have any question.\","
                        + "\"example\":[\"Ana\",\"A-1001\"]}}},"
                        + "{\"buttons\":{\"buttons\":[{\"quickReply\":{\"text\":\"Track\"}},{\"quickReply\":{\"text\":\"Thanks\"}}]}}]"));
        templates.seed("welcome", "en", "MESSAGE_TEMPLATE_GROUP_CATEGORY_MARKETING", components(
                "[{\"body\":{\"text\":{\"text\":\"Welcome! Thanks for joining us on WhatsApp. Reply to this message any time to chat with us.\"}}}]"));
        campaigns.put("spring_sale", new Campaign("spring_sale", true));
        campaigns.put("draft_campaign", new Campaign("draft_campaign", false));
        config.extraCampaigns.forEach((name, published) -> campaigns.put(name, new Campaign(name, published)));
    }

    private JsonNode components(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the HTTP server (blocking until it listens). */
    public synchronized ConnectlySimulator start() {
        if (vertx != null) {
            throw new IllegalStateException("the simulator is already started");
        }
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops));
        try {
            dispatcher = new WebhookDispatcher(vertx, webhooks, new WebhookSigner(config.webhookSecret), deliveries,
                    config.webhookTimeout, config.webhookRetryDelay, config.webhookMaxAttempts, config.maxPendingWebhooks);
            api = new ConnectlyApi(mapper, vertx, clock, settings, templates, campaigns, conversations, webhooks, dispatcher,
                    autoReplier);
            autoReplier.attach(vertx, api);
            InspectionHandler inspection = new InspectionHandler(this, mapper);
            ApiHandler handler = new ApiHandler(vertx, mapper, settings, api, rateLimiter, requests, clock, inspection, faults,
                    operationCounters);
            // One server per event loop, all on one port: Vert.x spreads the connections over them. A negative port
            // asks Vert.x for one random port shared by all the servers (port 0 would give each its own).
            int listenPort = config.port == 0 ? -1 : config.port;
            for (int i = 0; i < config.eventLoops; i++) {
                HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.host)
                        .setTcpNoDelay(true)
                        .setIdleTimeout(120)
                        .setHandle100ContinueAutomatically(true));
                server.requestHandler(handler);
                HttpServer listening = await(server.listen(listenPort, config.host), "listen on " + config.host + ":" + listenPort);
                servers.add(listening);
                port = listening.actualPort();
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Connectly simulator could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Connectly simulator could not " + what + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    /** Stops the server and the webhook client; pending redeliveries are dropped and event runs cancelled. */
    @Override
    public synchronized void close() {
        if (vertx == null) {
            return;
        }
        eventRuns().forEach(EventRun::cancel);
        if (dispatcher != null) {
            dispatcher.close();
        }
        Vertx closing = vertx;
        vertx = null;
        servers.clear();
        port = -1;
        try {
            closing.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the event loops are going away anyway
        }
    }

    private ConnectlyApi api() {
        if (api == null || vertx == null) {
            throw new IllegalStateException("the simulator is not started: call start() first");
        }
        return api;
    }

    // -------------------------------------------------------------------------------------------------- accessors

    /** {@code http://127.0.0.1:<port>}: the base URL to configure instead of {@code https://api.connectly.ai}. */
    public String baseUrl() {
        if (port < 0) {
            throw new IllegalStateException("the simulator is not started: call start() first");
        }
        String host = config.host.equals("0.0.0.0") ? "127.0.0.1" : config.host;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public int port() {
        return port;
    }

    public String apiKey() {
        return config.apiKey;
    }

    public String businessId() {
        return config.businessId;
    }

    public String webhookSecret() {
        return config.webhookSecret;
    }

    /** The business's WhatsApp numbers; the first is the default sender and the number customers write to by default. */
    public Set<String> businessNumbers() {
        return settings.businessNumbers;
    }

    /** The movable clock that decides the 24-hour window and template approval. */
    public SimulatorClock clock() {
        return clock;
    }

    /** A simulated WhatsApp customer with this E.164 number. */
    public Customer customer(String number) {
        if (!ConnectlyApi.isE164(number)) {
            throw new IllegalArgumentException("customer number '" + number + "' is not in E.164 form such as +16045550123");
        }
        return new Customer(number, null);
    }

    /** The recorded API requests, oldest first (the last {@code requestRecordCapacity} of them). */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** Every webhook post attempt, oldest first (the last {@code deliveryRecordCapacity} of them). */
    public List<WebhookDelivery> webhookDeliveries() {
        return deliveries.snapshot();
    }

    /** The messages exchanged with a customer, oldest first (empty when none). */
    public List<ChatMessage> conversation(String number) {
        Conversations.Conversation thread = conversations.existingThread(number);
        return thread == null ? List.of() : thread.messages();
    }

    /**
     * Makes the next {@code count} authenticated API requests fail with {@code httpStatus} (400-599) and an error
     * body (429 also gets {@code Retry-After: 1}), to test retries. Replaces the fault of an earlier failNext;
     * {@code failNext(0, 500)} cancels it. For anything else use {@link #inject(Fault)}.
     */
    public void failNext(int count, int httpStatus) {
        faults.failNext(count, httpStatus);
    }

    /** Injects a fault into the API requests it selects, until it has applied {@link Fault#times(long)} times or is cancelled. */
    public ActiveFault inject(Fault fault) {
        return faults.inject(Objects.requireNonNull(fault, "fault"));
    }

    /** The injected faults that can still apply, oldest first. */
    public List<ActiveFault> faults() {
        return faults.list();
    }

    /** Cancels every injected fault. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Changes the rate limit while running: more than {@code perSecond} send requests within one second get 429 with
     * {@code Retry-After} = {@code retryAfter} (whole seconds); 0 per second switches it off.
     */
    public void rateLimit(int perSecond, Duration retryAfter) {
        rateLimiter.configure(perSecond, Durations.wholeSeconds(retryAfter, "rateLimitRetryAfter"));
    }

    /** The send requests allowed per second (0 = no limit). */
    public int rateLimit() {
        return rateLimiter.limit().perSecond();
    }

    /** The Retry-After of the rate limit's 429 answers. */
    public Duration rateLimitRetryAfter() {
        return Duration.ofSeconds(rateLimiter.limit().retryAfterSeconds());
    }

    /**
     * Switches auto-reply on: simulated customers answer each outbound message {@code delay} after it was read (see
     * {@link Builder#autoReply(Duration)}).
     */
    public void autoReply(Duration delay) {
        AutoReplier.Settings current = autoReplier.settings();
        autoReplier.configure(new AutoReplier.Settings(true, delay, current.text(), current.limit()));
    }

    /** Switches auto-reply off; answers already scheduled are dropped. */
    public void stopAutoReply() {
        AutoReplier.Settings current = autoReplier.settings();
        autoReplier.configure(new AutoReplier.Settings(false, current.delay(), current.text(), current.limit()));
    }

    public boolean autoReplyEnabled() {
        return autoReplier.settings().enabled();
    }

    AutoReplier autoReplier() {
        return autoReplier;
    }

    /**
     * Starts a reliability run: {@code settings.events()} distinct signed events posted to the addresses registered
     * for their topics, at the given rate, some twice, each redelivered under the run's policy (see {@link EventRun}).
     * Needs a webhook registered for every topic the run posts to. The last 8 runs are kept (a finished one makes
     * room first).
     */
    public EventRun startEventRun(EventRunSettings settings) {
        if (vertx == null) {
            throw new IllegalStateException("the simulator is not started: call start() first");
        }
        EventRunSettings copy = settings.copy();
        String id = "r" + eventRunIds.incrementAndGet() + "-" + Ids.messageId(System.currentTimeMillis()).substring(22).toLowerCase(java.util.Locale.ROOT);
        EventRun run = new EventRun(id, copy, vertx, webhooks, new WebhookSigner(config.webhookSecret), mapper, settings());
        synchronized (eventRuns) {
            if (eventRuns.size() >= MAX_EVENT_RUNS) {
                String evict = eventRuns.values().stream().filter(EventRun::done).map(EventRun::id).findFirst()
                        .orElseThrow(() -> new IllegalStateException(MAX_EVENT_RUNS + " event runs are still running; cancel one first"));
                eventRuns.remove(evict);
            }
            eventRuns.put(id, run);
        }
        run.start();
        return run;
    }

    /** The kept event runs, oldest first. */
    public List<EventRun> eventRuns() {
        synchronized (eventRuns) {
            return new ArrayList<>(eventRuns.values());
        }
    }

    /** An event run by id, or null. */
    public EventRun eventRun(String id) {
        synchronized (eventRuns) {
            return eventRuns.get(id);
        }
    }

    /** Per operation: requests, how many took effect, were faulted or rate-limited (in {@link ApiOperation} order). */
    public List<OperationStats> operationStats() {
        return operationCounters.snapshot();
    }

    public OperationStats operationStats(ApiOperation operation) {
        return operationCounters.snapshot().get(operation.ordinal());
    }

    /** Sets the operation counts back to zero. */
    public void clearOperationStats() {
        operationCounters.clear();
    }

    /**
     * How many messages the API accepted for this customer (session, template and campaign sends that took effect),
     * counted since the start, not limited to the messages a conversation keeps. A send the client retried after an
     * ambiguous failure shows here twice.
     */
    public long acceptedMessages(String number) {
        Conversations.Conversation thread = conversations.existingThread(number);
        return thread == null ? 0 : thread.acceptedMessages();
    }

    public void clearRequests() {
        requests.clear();
    }

    public void clearWebhookDeliveries() {
        deliveries.clear();
    }

    SimulatorSettings settings() {
        return settings;
    }

    Conversations conversations() {
        return conversations;
    }

    /** {@code http://127.0.0.1:<port>/_sim/}: the chat page, to print for the person running an example. */
    public String chatPageUrl() {
        return baseUrl() + "/_sim/";
    }

    /**
     * What a person needs to use the running simulator, one item a line: its URLs, the business id and the settings
     * as they are now. Without the API key and webhook secret, so it can go to a log.
     */
    public String summary() {
        List<Fault> active = faults.list().stream().map(ActiveFault::fault).toList();
        return "Connectly simulator listening on " + baseUrl() + "\n"
                + "  API base URL    " + baseUrl() + "/v1/businesses/" + businessId() + "\n"
                + "  business id     " + businessId() + "\n"
                + "  settings        " + describe(config.templateApprovalDelay, rateLimiter.limit(), config.sentDelay,
                        config.businessNumbers, config.failingNumbers, autoReplier.settings().describe(), active) + "\n"
                + "  seed data       templates order_shipped (en, {{1}} name, {{2}} order id, quick replies Track and Thanks),"
                + " welcome (en); campaigns spring_sale (published), draft_campaign (not published)\n"
                + "  chat page       " + chatPageUrl();
    }

    private static String describe(Duration templateApprovalDelay, RateLimiter.Limit rateLimit, Duration statusDelay,
                                   List<String> businessNumbers, Set<String> failingNumbers, String autoReply,
                                   List<Fault> faults) {
        return "templateApprovalDelay=" + Durations.format(templateApprovalDelay) + ", rateLimit="
                + (rateLimit.perSecond() == 0 ? "off" : rateLimit.perSecond() + "/s (Retry-After " + rateLimit.retryAfterSeconds() + "s)")
                + ", statusDelay=" + Durations.format(statusDelay) + ", businessNumbers=" + businessNumbers
                + ", failingNumbers=" + failingNumbers + ", autoReply=" + autoReply
                + (faults.isEmpty() ? "" : ", faults=" + faults.stream().map(Fault::describe).toList());
    }

    @Override
    public String toString() {
        return "ConnectlySimulator[" + (port < 0 ? "stopped" : baseUrl()) + ", businessId=" + config.businessId + "]";
    }

    /**
     * A simulated customer: what it does is posted to the {@code messages} webhook and opens the 24-hour window with
     * the business number it went to. A customer writes to the first business number unless {@link #to(String)} names
     * another; a reply, tap or reaction goes to the number that sent the quoted message.
     */
    public final class Customer {

        private final String number;
        /** The business number this customer writes to; null = the first. */
        private final String to;

        private Customer(String number, String to) {
            this.number = number;
            this.to = to;
        }

        public String number() {
            return number;
        }

        /**
         * This customer writing to {@code businessNumber}, one of {@link #businessNumbers()}:
         * {@code sim.customer("+16045550123").to("+14155550101").sendsText("hi")} opens the window with that number
         * only, and the webhook's {@code recipient.id} is that number. A reply names no number (it goes to the one that
         * sent the quoted message); if this one is set it must be that number.
         *
         * @throws IllegalArgumentException when it is not a number of this business (the message names them)
         */
        public Customer to(String businessNumber) {
            return new Customer(number, settings.customerWritesTo(businessNumber));
        }

        /** Gives the customer a profile name (sent as {@code sender.name} in webhooks). */
        public Customer named(String name) {
            api().nameCustomer(number, name);
            return this;
        }

        /** The customer writes a text. */
        public ChatMessage sendsText(String text) {
            return api().customerWrites(number, to, text, false);
        }

        /** The customer presses a reply button of message {@code messageId}; the event echoes its callbackData. */
        public ChatMessage repliesWithButton(String messageId, String text, String payload) {
            return api().customerPressesButton(number, to, messageId, text, payload, false);
        }

        /**
         * The customer taps a button or list row of message {@code messageId}, named by its title (or its id), with
         * the payload or row id the message gave it: {@code taps(id, "Track")}.
         */
        public ChatMessage taps(String messageId, String option) {
            return api().customerTaps(number, to, messageId, option, false);
        }

        /** Whether this customer answers by itself when auto-reply is on (default true; see {@link Builder#autoReply}). */
        public Customer autoReplies(boolean autoReplies) {
            autoReplier.optOut(number, !autoReplies);
            return this;
        }

        /** The customer picks a row of the list in message {@code messageId}. */
        public ChatMessage repliesWithListRow(String messageId, String rowId, String title) {
            return repliesWithListRow(messageId, rowId, title, "");
        }

        public ChatMessage repliesWithListRow(String messageId, String rowId, String title, String description) {
            return api().customerPicksListRow(number, to, messageId, rowId, title, description, false);
        }

        /** The customer reacts to message {@code messageId} with an emoji. */
        public ChatMessage reactsTo(String messageId, String emoji) {
            return api().customerReacts(number, to, messageId, emoji);
        }

        /** This customer's conversation, oldest first. */
        public List<ChatMessage> conversation() {
            return ConnectlySimulator.this.conversation(number);
        }
    }

    /** Configuration; every setting has a default so {@code builder().build().start()} works. */
    public static final class Builder {
        private int port = 0;
        private String host = "127.0.0.1";
        private String apiKey = DEFAULT_API_KEY;
        private String businessId = DEFAULT_BUSINESS_ID;
        private String webhookSecret = DEFAULT_WEBHOOK_SECRET;
        private String businessName = "Simulated Business";
        private List<String> businessNumbers = List.of(DEFAULT_BUSINESS_NUMBER);
        private Set<String> failingNumbers = Set.of();
        private Duration templateApprovalDelay = DEFAULT_TEMPLATE_APPROVAL_DELAY;
        private int rateLimit = 0;
        private long rateLimitRetryAfterSeconds = 1;
        private Duration sentDelay = DEFAULT_STATUS_DELAY;
        private Duration deliveredDelay = DEFAULT_STATUS_DELAY;
        private Duration readDelay = DEFAULT_STATUS_DELAY;
        private Duration webhookTimeout = Duration.ofSeconds(3);
        private Duration webhookRetryDelay = Duration.ofSeconds(1);
        private int webhookMaxAttempts = 5;
        private int maxPendingWebhooks = 10_000;
        private int requestRecordCapacity = 10_000;
        private int deliveryRecordCapacity = 10_000;
        private int eventLoops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private final Map<String, Boolean> extraCampaigns = new java.util.LinkedHashMap<>();
        private final List<Fault> startupFaults = new ArrayList<>();
        private Duration autoReplyDelay;
        private String autoReplyText = AutoReplier.DEFAULT_TEXT;
        private int autoReplyLimit = AutoReplier.DEFAULT_LIMIT;
        private Set<String> noAutoReplyNumbers = Set.of();

        private Builder() {
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Address to bind; default 127.0.0.1 (loopback only). */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            return this;
        }

        public Builder businessId(String businessId) {
            this.businessId = requireText(businessId, "businessId");
            if (businessId.contains("/")) {
                throw new IllegalArgumentException("businessId must not contain '/'");
            }
            return this;
        }

        public Builder webhookSecret(String webhookSecret) {
            this.webhookSecret = requireText(webhookSecret, "webhookSecret");
            return this;
        }

        /** The business's profile name in webhooks. */
        public Builder businessName(String businessName) {
            this.businessName = requireText(businessName, "businessName");
            return this;
        }

        /**
         * The business's own WhatsApp numbers; templates sent to them fail. The first is the sender of a send without
         * {@code sender} and the number customers write to unless {@link Customer#to(String)} names another; each
         * number has its own 24-hour window per customer.
         */
        public Builder businessNumbers(String... numbers) {
            if (numbers.length == 0) {
                throw new IllegalArgumentException("businessNumbers needs at least one number");
            }
            this.businessNumbers = List.copyOf(checkNumbers(numbers, "businessNumbers"));
            return this;
        }

        /** Customers whose messages end in a {@code delivery_failed} status instead of sent/delivered/read. */
        public Builder failingNumbers(String... numbers) {
            this.failingNumbers = checkNumbers(numbers, "failingNumbers");
            return this;
        }

        /** How long a created template stays PENDING on the simulator's clock; default 3 s. */
        public Builder templateApprovalDelay(Duration delay) {
            this.templateApprovalDelay = nonNegative(delay, "templateApprovalDelay");
            return this;
        }

        /** Send requests per second before 429 + Retry-After; 0 (the default) means no limit. Connectly's is 200. */
        public Builder rateLimit(int perSecond) {
            if (perSecond < 0) {
                throw new IllegalArgumentException("rateLimit must be 0 (off) or a positive number of requests per second, got " + perSecond);
            }
            this.rateLimit = perSecond;
            return this;
        }

        /** The {@code Retry-After} of the rate limit's 429 answers, whole seconds; default 1 s. */
        public Builder rateLimitRetryAfter(Duration retryAfter) {
            this.rateLimitRetryAfterSeconds = Durations.wholeSeconds(retryAfter, "rateLimitRetryAfter");
            return this;
        }

        /** The same delay before sent, between sent and delivered, and between delivered and read; default 100 ms. */
        public Builder statusDelay(Duration delay) {
            return statusDelays(delay, delay, delay);
        }

        public Builder statusDelays(Duration sent, Duration delivered, Duration read) {
            this.sentDelay = nonNegative(sent, "sent delay");
            this.deliveredDelay = nonNegative(delivered, "delivered delay");
            this.readDelay = nonNegative(read, "read delay");
            return this;
        }

        /** How long to wait for a webhook answer before counting a timeout; default 3 s. */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = positive(timeout, "webhookTimeout");
            return this;
        }

        /** Delay before the first redelivery, doubled for each further one; default 1 s. */
        public Builder webhookRetryDelay(Duration delay) {
            this.webhookRetryDelay = positive(delay, "webhookRetryDelay");
            return this;
        }

        /** Attempts per webhook event including the first; default 5. */
        public Builder webhookMaxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("webhookMaxAttempts must be at least 1, got " + attempts);
            }
            this.webhookMaxAttempts = attempts;
            return this;
        }

        /**
         * Webhook events allowed in flight (being posted or waiting for a redelivery); beyond it new events are
         * dropped and recorded as dropped (attempt 0), so a slow receiver under load cannot exhaust memory.
         * Default 10,000.
         */
        public Builder maxPendingWebhooks(int max) {
            this.maxPendingWebhooks = atLeastOne(max, "maxPendingWebhooks");
            return this;
        }

        /** How many API requests are kept for inspection (a ring: the oldest are dropped); default 10,000. */
        public Builder requestRecordCapacity(int capacity) {
            this.requestRecordCapacity = atLeastOne(capacity, "requestRecordCapacity");
            return this;
        }

        /** How many webhook attempts are kept for inspection; default 10,000. */
        public Builder deliveryRecordCapacity(int capacity) {
            this.deliveryRecordCapacity = atLeastOne(capacity, "deliveryRecordCapacity");
            return this;
        }

        /** Event-loop threads serving HTTP; default the number of cores (at most 4). */
        public Builder eventLoops(int eventLoops) {
            this.eventLoops = atLeastOne(eventLoops, "eventLoops");
            return this;
        }

        /**
         * Simulated customers answer by themselves, {@code delay} after an outbound message is read: they tap the
         * first quick-reply button of a template, the first button of a reply-button message or the first row of a
         * list, and answer a session text or a template without buttons with {@link #autoReplyText(String)}. Never a
         * failing number's message, never an opted-out customer ({@link #noAutoReply}), at most
         * {@link #autoReplyLimit(int)} in a row. Off by default.
         */
        public Builder autoReply(Duration delay) {
            new AutoReplier.Settings(true, delay, autoReplyText, autoReplyLimit); // validates
            this.autoReplyDelay = delay;
            return this;
        }

        /** What customers write when they answer a text by themselves; default "Thanks, got it!". */
        public Builder autoReplyText(String text) {
            this.autoReplyText = requireText(text, "autoReplyText");
            return this;
        }

        /**
         * Auto-replies a customer sends in a row before it waits for a template from the business or an action by
         * hand; default 3. Keeps an application that answers every reply from an endless exchange.
         */
        public Builder autoReplyLimit(int limit) {
            this.autoReplyLimit = atLeastOne(limit, "autoReplyLimit");
            return this;
        }

        /** Customers who never answer by themselves. */
        public Builder noAutoReply(String... numbers) {
            this.noAutoReplyNumbers = checkNumbers(numbers, "noAutoReply");
            return this;
        }

        /** A fault injected from the start (more can be injected while running with {@link ConnectlySimulator#inject}). */
        public Builder fault(Fault fault) {
            startupFaults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /** Adds a campaign besides the seeded spring_sale (published) and draft_campaign (not published). */
        public Builder campaign(String name, boolean published) {
            extraCampaigns.put(requireText(name, "campaign name"), published);
            return this;
        }

        public ConnectlySimulator build() {
            return new ConnectlySimulator(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
        }

        private static Set<String> checkNumbers(String[] numbers, String name) {
            Set<String> set = new LinkedHashSet<>();
            for (String number : Objects.requireNonNull(numbers, name)) {
                if (!ConnectlyApi.isE164(number)) {
                    throw new IllegalArgumentException(name + ": '" + number + "' is not an E.164 number such as +16045550123");
                }
                set.add(number);
            }
            return set;
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero or positive, got " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }

        // read by Main to print the defaults
        int port() {
            return port;
        }

        String describe() {
            return ConnectlySimulator.describe(templateApprovalDelay, new RateLimiter.Limit(rateLimit, rateLimitRetryAfterSeconds),
                    sentDelay, businessNumbers, failingNumbers,
                    autoReplyDelay == null ? "off" : "after " + Durations.format(autoReplyDelay), startupFaults);
        }
    }
}
