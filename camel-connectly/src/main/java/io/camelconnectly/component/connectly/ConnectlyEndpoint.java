package io.camelconnectly.component.connectly;

import java.util.List;
import java.util.Set;

import io.camelconnectly.component.connectly.client.ConnectlyClient;
import io.camelconnectly.component.connectly.client.ConnectlyClientMetrics;
import io.camelconnectly.component.connectly.client.ConnectlyConnections;
import io.camelconnectly.component.connectly.client.TemplateCatalog;
import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import io.camelconnectly.component.connectly.webhook.WebhookCounters;
import io.camelconnectly.component.connectly.webhook.WebhookCounters.Rejection;
import io.camelconnectly.component.connectly.webhook.WebhookRegistrar;
import io.camelconnectly.component.connectly.window.ConversationWindows;
import io.camelconnectly.component.connectly.window.WindowCounters;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send WhatsApp messages through Connectly and receive its signed webhooks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = ConnectlyConstants.SCHEME, title = "Connectly",
             syntax = "connectly:operation", category = { Category.CHAT, Category.SAAS },
             headersClass = ConnectlyConstants.class)
@ManagedResource(description = "Connectly endpoint")
public class ConnectlyEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation, WebhookCapableEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyEndpoint.class);

    @UriParam
    private ConnectlyConfiguration configuration;

    public ConnectlyEndpoint(String uri, ConnectlyComponent component, ConnectlyConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (!configuration.getOperation().isProducerOperation()) {
            throw new IllegalArgumentException(
                    "connectly:webhook is a consumer endpoint (from); to call Connectly use one of: "
                                               + ConnectlyOperation.allowedValues().replace(", webhook", ""));
        }
        requireOption(configuration.getApiKey(), "apiKey");
        requireOption(configuration.getBusinessId(), "businessId");
        return new ConnectlyProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() != ConnectlyOperation.webhook) {
            throw new IllegalArgumentException("connectly:" + configuration.getOperation()
                                               + " is a producer endpoint (to); to receive webhooks use from(\"connectly:webhook\")");
        }
        ConnectlyWebhookConsumer consumer = new ConnectlyWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    // ---- producer side (client lifecycle, producer counters)

    private final ConnectlyClientMetrics producerMetrics = new ConnectlyClientMetrics();
    private volatile ConnectlyClient client;
    private volatile TemplateCatalog templateCatalog;
    private ConnectlyConnections.Lease lease;

    // ---- conversation windows: recorded by the webhook consumer, read by sendMessage with a fallback template

    private final WindowCounters windowCounters = new WindowCounters();
    private volatile ConversationWindows conversationWindows;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        conversationWindows = ((ConnectlyComponent) getComponent()).conversationWindows();
        // for the producer and for webhook registration; a webhook endpoint takes one only when it registers, so a
        // component-wide apiKey starts no idle I/O threads for plain webhook consumers
        if (configuration.getOperation().isProducerOperation() || configuration.isWebhookAutoRegister()) {
            startClient();
        }
    }

    /**
     * Takes the endpoint's client once (needs apiKey and businessId): its own retry policy and counters on the HTTP
     * client the component shares between the endpoints of the same account (ConnectlyConnections); released in doStop.
     */
    private synchronized ConnectlyClient startClient() throws Exception {
        if (client == null) {
            requireOption(configuration.getApiKey(), "apiKey");
            requireOption(configuration.getBusinessId(), "businessId");
            lease = ((ConnectlyComponent) getComponent()).getConnections().acquire(getCamelContext(), configuration, producerMetrics);
            client = lease.client();
            templateCatalog = lease.templateCatalog();
        }
        return client;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        ConnectlyConnections.Lease current = lease;
        lease = null;
        client = null;
        templateCatalog = null;
        if (current != null) {
            current.close();
        }
        super.doStop();
    }

    /** The component's conversation windows; null unless started. */
    ConversationWindows getConversationWindows() {
        return conversationWindows;
    }

    public WindowCounters getWindowCounters() {
        return windowCounters;
    }

    /** Hands a verified, first-time webhook event on to the conversation windows: inbound messages are recorded. */
    void recordConversationWindow(ConnectlyWebhookEvent event) {
        ConversationWindows windows = conversationWindows;
        if (windows != null) {
            windows.recordInbound(event, windowCounters);
        }
    }

    /**
     * The endpoint's Connectly client: taken at start for a producer and for webhookAutoRegister, at registration
     * through webhook:; else null.
     */
    public ConnectlyClient getClient() {
        return client;
    }

    /** The cache of template definitions, shared by the endpoints of the account; null unless started with apiKey and businessId. */
    public TemplateCatalog getTemplateCatalog() {
        return templateCatalog;
    }

    public ConnectlyClientMetrics getProducerMetrics() {
        return producerMetrics;
    }

    @ManagedAttribute(description = "Calls to Connectly that succeeded")
    public long getProducerSucceeded() {
        return producerMetrics.getSucceeded();
    }

    @ManagedAttribute(description = "Calls to Connectly that failed (after retries)")
    public long getProducerFailed() {
        return producerMetrics.getFailed();
    }

    @ManagedAttribute(description = "Retries of calls to Connectly")
    public long getProducerRetries() {
        return producerMetrics.getRetries();
    }

    @ManagedAttribute(description = "429 Too Many Requests answers received (each attempt counts)")
    public long getProducerRateLimited() {
        return producerMetrics.getRateLimited();
    }

    @ManagedAttribute(description = "Calls whose first attempt waited for the Retry-After of a 429 Connectly had just given "
                                    + "another call of the same operation and account")
    public long getProducerHeldOff() {
        return producerMetrics.getHeldOff();
    }

    @ManagedAttribute(description = "Calls that failed at once instead of waiting (to retry, or for a Retry-After) because "
                                    + "retryMaxWaiting calls of the account were waiting")
    public long getProducerWaitingFull() {
        return producerMetrics.getWaitingFull();
    }

    @ManagedAttribute(description = "Calls to the endpoint's Connectly account waiting now, to retry or for a Retry-After "
                                    + "(every endpoint sharing its HTTP client)")
    public int getProducerWaiting() {
        ConnectlyClient current = client;
        return current == null ? 0 : current.getWaitingCalls();
    }

    @ManagedAttribute(description = "The most calls to the endpoint's Connectly account that waited at once since its HTTP "
                                    + "client started")
    public int getProducerWaitingPeak() {
        ConnectlyClient current = client;
        return current == null ? 0 : current.getWaitingCallsPeak();
    }

    @ManagedAttribute(description = "Messages rejected by validation before any call to Connectly")
    public long getProducerRejectedByValidation() {
        return producerMetrics.getRejectedByValidation();
    }

    @ManagedAttribute(description = "Failed calls by Connectly error code (or HTTP_nnn, or the connection failure)")
    public String getProducerFailuresByCode() {
        return producerMetrics.getFailuresByCode().toString();
    }

    @ManagedAttribute(description = "sendMessage with a fallback template: sent as the session message")
    public long getProducerSentAsSession() {
        return windowCounters.getSentAsSession();
    }

    @ManagedAttribute(description = "sendMessage with a fallback template: sent as the template directly (window known closed, "
                                    + "no call refused)")
    public long getProducerSentAsTemplate() {
        return windowCounters.getSentAsTemplate();
    }

    @ManagedAttribute(description = "sendMessage with a fallback template: sent as the template after Connectly refused the "
                                    + "session message for the 24-hour window")
    public long getProducerSentAsTemplateAfterRefusal() {
        return windowCounters.getSentAsTemplateAfterRefusal();
    }

    @ManagedAttribute(description = "sendMessage with a fallback template: sends for which nothing was known about the "
                                    + "customer's window (the session message was tried first)")
    public long getProducerWindowUnknown() {
        return windowCounters.getWindowUnknown();
    }

    @ManagedAttribute(description = "Reads of the conversation window repository that failed (then taken as unknown)")
    public long getProducerWindowLookupFailures() {
        return windowCounters.getLookupFailures();
    }

    @ManagedAttribute(description = "Template checks answered from the last known templates because getTemplates failed")
    public long getTemplateChecksStale() {
        TemplateCatalog catalog = templateCatalog;
        return catalog == null ? 0 : catalog.getStaleChecks();
    }

    @ManagedAttribute(description = "getTemplates refreshes of the template check that failed (after retries)")
    public long getTemplateRefreshFailures() {
        TemplateCatalog catalog = templateCatalog;
        return catalog == null ? 0 : catalog.getRefreshFailures();
    }

    @ManagedOperation(description = "Reset the producer counters")
    public void resetProducerCounters() {
        producerMetrics.reset();
        windowCounters.resetProducerCounters();
    }

    // ---- consumer side (webhook handling, consumer counters)

    /** Default size of the in-memory dedupe store when no idempotentRepository is configured. */
    static final int DEFAULT_DEDUPE_ENTRIES = 10000;

    private final WebhookCounters webhookCounters = new WebhookCounters();
    private WebhookConfiguration webhookConfiguration;
    private IdempotentRepository defaultIdempotentRepository;

    public WebhookCounters getWebhookCounters() {
        return webhookCounters;
    }

    /** The configured idempotentRepository, else this endpoint's in-memory one (kept across route restarts). */
    synchronized IdempotentRepository resolveIdempotentRepository() {
        if (configuration.getIdempotentRepository() != null) {
            return configuration.getIdempotentRepository();
        }
        if (defaultIdempotentRepository == null) {
            defaultIdempotentRepository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_DEDUPE_ENTRIES);
        }
        return defaultIdempotentRepository;
    }

    /** Camel's webhook: meta-component: the verified, typed event replaces the HTTP request in the same exchange. */
    @Override
    public Processor createWebhookHandler(Processor next) {
        if (configuration.getOperation() != ConnectlyOperation.webhook) {
            throw new IllegalArgumentException("webhook:connectly:" + configuration.getOperation()
                                               + " is not a webhook endpoint; use webhook:connectly:webhook");
        }
        AsyncProcessor route = AsyncProcessorConverterHelper.convert(next);
        return new ConnectlyWebhookHandler(this, new ConnectlyWebhookHandler.RouteTarget() {
            @Override
            public Exchange eventExchange(Exchange http) {
                // drop the request headers: they must neither reach the route nor be echoed in the response
                http.getMessage().getHeaders().clear();
                return http;
            }

            @Override
            public AsyncProcessor processor() {
                return route;
            }

            @Override
            public boolean inPlace() {
                return true;
            }

            @Override
            public void release(Exchange event) {
                // the HTTP consumer owns the exchange
            }
        });
    }

    /** Called by webhook: when its webhookAutoRegister is true (its default). */
    @Override
    public void registerWebhook() throws Exception {
        String address = configuration.getWebhookExternalUrl();
        if (ObjectHelper.isEmpty(address) && webhookConfiguration != null) {
            address = webhookConfiguration.computeFullExternalUrl();
        }
        registerWebhookAddress(address, "webhookExternalUrl");
    }

    /**
     * Leaves the registration in place on purpose: deleting it at every stop would make Connectly drop the events
     * of a restart. Delete it with connectly:deleteWebhook when the application is retired.
     */
    @Override
    public void unregisterWebhook() {
        LOG.debug("Connectly webhook registration left in place on stop (remove it with connectly:deleteWebhook)");
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    public WebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    /** Registers {@code address} for the chosen topics unless it is registered already, and logs what was done. */
    void registerWebhookAddress(String address, String addressOption) throws Exception {
        requireOption(address, addressOption);
        requireOption(configuration.getApiKey(), "apiKey");
        requireOption(configuration.getBusinessId(), "businessId");
        if (!isStarted() && !isStarting()) {
            // Camel starts the endpoint before the consumer (or webhook:) registers; the client lives until its stop
            throw new IllegalStateException("connectly:webhook registers its address through the endpoint's Connectly "
                                            + "client: start the endpoint first");
        }
        ConnectlyClient current = startClient();
        Set<String> topics = ConnectlyWebhookHandler.parseTopics(configuration.getTopics());
        WebhookRegistrar.of(current, configuration).register(address,
                topics != null ? List.copyOf(topics) : ConnectlyWebhookHandler.ALL_TOPICS);
    }

    @ManagedAttribute(description = "Webhook posts received (all, before any check)")
    public long getWebhooksReceived() {
        return webhookCounters.getReceived();
    }

    @ManagedAttribute(description = "Webhook posts whose signature was valid")
    public long getWebhooksVerified() {
        return webhookCounters.getVerified();
    }

    @ManagedAttribute(description = "Webhook posts refused for any reason")
    public long getWebhooksRejected() {
        return webhookCounters.getRejectedTotal();
    }

    @ManagedAttribute(description = "Webhook posts refused 401: signature missing or wrong")
    public long getWebhooksRejectedSignature() {
        return webhookCounters.getRejected(Rejection.SIGNATURE);
    }

    @ManagedAttribute(description = "Webhook posts refused 400: verified but not a JSON object, or not mappable to an event")
    public long getWebhooksRejectedMalformed() {
        return webhookCounters.getRejected(Rejection.MALFORMED);
    }

    @ManagedAttribute(description = "Webhook posts refused 413: larger than maxBodySize")
    public long getWebhooksRejectedTooLarge() {
        return webhookCounters.getRejected(Rejection.TOO_LARGE);
    }

    @ManagedAttribute(description = "Webhook requests refused 405: not a POST")
    public long getWebhooksRejectedMethod() {
        return webhookCounters.getRejected(Rejection.METHOD);
    }

    @ManagedAttribute(description = "Webhook posts refused 415: a form body the server parsed, so unverifiable")
    public long getWebhooksRejectedUnsupportedMediaType() {
        return webhookCounters.getRejected(Rejection.UNSUPPORTED_MEDIA_TYPE);
    }

    @ManagedAttribute(description = "Webhook redeliveries of an event already processed (answered 200, not routed)")
    public long getWebhooksDuplicates() {
        return webhookCounters.getDuplicates();
    }

    @ManagedAttribute(description = "Webhook redeliveries received while the event was still being routed, here or (leased "
                                    + "repository) on another instance (answered 503)")
    public long getWebhooksInFlightDuplicates() {
        return webhookCounters.getInFlightDuplicates();
    }

    @ManagedAttribute(description = "Webhook events answered 503 because the idempotent repository failed (Connectly redelivers)")
    public long getWebhooksDedupeUnavailable() {
        return webhookCounters.getDedupeUnavailable();
    }

    @ManagedAttribute(description = "Webhook events of a topic not in the topics option (answered 200, not routed)")
    public long getWebhooksFiltered() {
        return webhookCounters.getFiltered();
    }

    @ManagedAttribute(description = "Webhook events whose route failed (answered 500 so Connectly redelivers)")
    public long getWebhooksRouteFailures() {
        return webhookCounters.getRouteFailures();
    }

    @ManagedAttribute(description = "Webhook events routed successfully (answered 200)")
    public long getWebhooksProcessed() {
        return webhookCounters.getProcessed();
    }

    @ManagedAttribute(description = "Inbound customer messages recorded in the conversation window repository")
    public long getWebhooksWindowRecorded() {
        return windowCounters.getRecorded();
    }

    @ManagedAttribute(description = "Inbound customer messages the conversation window repository failed to record (logged; "
                                    + "the webhook is answered as usual)")
    public long getWebhooksWindowRecordFailures() {
        return windowCounters.getRecordFailures();
    }

    static void requireOption(String value, String option) {
        if (ObjectHelper.isEmpty(value)) {
            throw new IllegalArgumentException("Option " + option + " is required: set it on the endpoint URI ("
                                               + option + "=...) or on the component (camel.component.connectly."
                                               + toDashed(option) + "=...)"
                                               + ("apiKey".equals(option)
                                                       ? ", or in the environment variable " + ConnectlyComponent.ENV_API_KEY
                                                       : ""));
        }
    }

    private static String toDashed(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    public ConnectlyConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ConnectlyConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
