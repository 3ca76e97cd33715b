package io.camelconnectly.component.connectly;

import java.util.concurrent.ScheduledExecutorService;

import io.camelconnectly.component.connectly.client.ConnectlyClient;
import io.camelconnectly.component.connectly.client.ConnectlyClientMetrics;
import io.camelconnectly.component.connectly.client.TemplateCatalog;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.ObjectHelper;

/**
 * Send WhatsApp messages through Connectly and receive its signed webhooks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = ConnectlyConstants.SCHEME, title = "Connectly",
             syntax = "connectly:operation", category = { Category.CHAT, Category.SAAS },
             headersClass = ConnectlyConstants.class)
@ManagedResource(description = "Connectly endpoint")
public class ConnectlyEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

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
        throw new UnsupportedOperationException("consumer not implemented yet");
    }

    // ---- producer side (client lifecycle, producer counters)

    private final ConnectlyClientMetrics producerMetrics = new ConnectlyClientMetrics();
    private volatile ConnectlyClient client;
    private volatile TemplateCatalog templateCatalog;
    private ScheduledExecutorService retryScheduler;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one client per endpoint, for the producer and for webhook registration (needs apiKey and businessId)
        if (configuration.getOperation().isProducerOperation()
                || (ObjectHelper.isNotEmpty(configuration.getApiKey()) && ObjectHelper.isNotEmpty(configuration.getBusinessId()))) {
            requireOption(configuration.getApiKey(), "apiKey");
            requireOption(configuration.getBusinessId(), "businessId");
            retryScheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "ConnectlyRetry", 1);
            client = ConnectlyClient.create(getCamelContext(), configuration, retryScheduler, producerMetrics);
            templateCatalog = new TemplateCatalog(client, configuration.getTemplateCacheTtl());
        }
    }

    @Override
    protected void doStop() throws Exception {
        ConnectlyClient current = client;
        client = null;
        templateCatalog = null;
        if (current != null) {
            current.close();
        }
        if (retryScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(retryScheduler);
            retryScheduler = null;
        }
        super.doStop();
    }

    /** The endpoint's Connectly client; null unless started with apiKey and businessId. */
    public ConnectlyClient getClient() {
        return client;
    }

    /** The endpoint's cache of template definitions; null unless started with apiKey and businessId. */
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

    @ManagedAttribute(description = "Messages rejected by validation before any call to Connectly")
    public long getProducerRejectedByValidation() {
        return producerMetrics.getRejectedByValidation();
    }

    @ManagedAttribute(description = "Failed calls by Connectly error code (or HTTP_nnn, or the connection failure)")
    public String getProducerFailuresByCode() {
        return producerMetrics.getFailuresByCode().toString();
    }

    @ManagedOperation(description = "Reset the producer counters")
    public void resetProducerCounters() {
        producerMetrics.reset();
    }

    // ---- consumer side (webhook handling, consumer counters)

    static void requireOption(String value, String option) {
        if (ObjectHelper.isEmpty(value)) {
            throw new IllegalArgumentException("Option " + option + " is required: set it on the endpoint URI ("
                                               + option + "=...) or on the component (camel.component.connectly."
                                               + toDashed(option) + "=...)");
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
