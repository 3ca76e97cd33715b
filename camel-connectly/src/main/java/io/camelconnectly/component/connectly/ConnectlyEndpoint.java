package io.camelconnectly.component.connectly;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
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
        throw new UnsupportedOperationException("producer not implemented yet");
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
