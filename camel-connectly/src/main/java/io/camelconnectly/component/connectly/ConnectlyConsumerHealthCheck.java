package io.camelconnectly.component.connectly;

import java.util.Map;

import io.camelconnectly.component.connectly.webhook.WebhookCounters;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code connectly:webhook} consumer: UP while the platform-http consumer serving webhookPath is started,
 * with the webhook counters as details.
 */
public class ConnectlyConsumerHealthCheck extends AbstractHealthCheck {

    private final ConnectlyWebhookConsumer consumer;

    public ConnectlyConsumerHealthCheck(ConnectlyWebhookConsumer consumer, String routeId) {
        super("camel", "consumer:connectly-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        WebhookCounters counters = consumer.getEndpoint().getWebhookCounters();
        builder.detail("webhookPath", consumer.getEndpoint().getConfiguration().getWebhookPath());
        builder.detail("received", counters.getReceived());
        builder.detail("verified", counters.getVerified());
        builder.detail("rejected", counters.getRejectedTotal());
        builder.detail("duplicates", counters.getDuplicates());
        builder.detail("routeFailures", counters.getRouteFailures());
        builder.detail("processed", counters.getProcessed());
        if (consumer.isServing()) {
            builder.up();
        } else {
            builder.message("The platform-http consumer of webhookPath is not started");
            builder.down();
        }
    }
}
