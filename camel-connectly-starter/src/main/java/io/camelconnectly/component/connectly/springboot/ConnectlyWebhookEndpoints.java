package io.camelconnectly.component.connectly.springboot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.component.connectly.ConnectlyOperation;
import org.apache.camel.Endpoint;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The {@code connectly:webhook} endpoints of the Camel context by the path they serve, kept current as Camel adds and
 * removes endpoints (Camel Spring Boot registers every {@link org.apache.camel.spi.LifecycleStrategy} bean with the
 * context before routes are created).
 */
public class ConnectlyWebhookEndpoints extends LifecycleStrategySupport {

    private final Map<String, ConnectlyEndpoint> byPath = new ConcurrentHashMap<>();

    @Override
    public void onEndpointAdd(Endpoint endpoint) {
        if (endpoint instanceof ConnectlyEndpoint connectly && isWebhook(connectly)) {
            byPath.put(pathOf(connectly), connectly);
        }
    }

    @Override
    public void onEndpointRemove(Endpoint endpoint) {
        if (endpoint instanceof ConnectlyEndpoint connectly && isWebhook(connectly)) {
            byPath.remove(pathOf(connectly), connectly);
        }
    }

    /** @return the webhook endpoint serving this path (as the application sees it, context path removed), or null */
    public ConnectlyEndpoint forPath(String path) {
        return byPath.get(path);
    }

    private static boolean isWebhook(ConnectlyEndpoint endpoint) {
        return endpoint.getConfiguration().getOperation() == ConnectlyOperation.webhook;
    }

    /** The path as ConnectlyWebhookConsumer hands it to platform-http: with a leading slash. */
    private static String pathOf(ConnectlyEndpoint endpoint) {
        String path = endpoint.getConfiguration().getWebhookPath();
        if (path == null || path.isBlank()) {
            path = ConnectlyConfiguration.DEFAULT_WEBHOOK_PATH;
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
