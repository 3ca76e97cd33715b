package io.camelconnectly.component.connectly;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("connectly:webhook")}: receives Connectly's webhook posts on {@code webhookPath} of the application's
 * platform-http server (Camel Main's embedded server, Spring Boot, Quarkus: whatever provides platform-http), verifies
 * and types them with a {@link ConnectlyWebhookHandler}, and routes each event in a fresh exchange. It owns no server.
 */
public class ConnectlyWebhookConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyWebhookConsumer.class);

    private final ConnectlyWebhookHandler handler;
    private Consumer httpConsumer;
    private VertxWebhookBodyLimit bodyLimit;

    public ConnectlyWebhookConsumer(ConnectlyEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.handler = new ConnectlyWebhookHandler(endpoint, new ConsumerTarget());
    }

    @Override
    public ConnectlyEndpoint getEndpoint() {
        return (ConnectlyEndpoint) super.getEndpoint();
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // verifies the configuration (webhookSecret, topics, ...) before the path is served
        ServiceHelper.startService(handler);

        String path = getEndpoint().getConfiguration().getWebhookPath();
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("Option webhookPath must not be empty; default is "
                                               + ConnectlyConfiguration.DEFAULT_WEBHOOK_PATH);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        Endpoint http;
        try {
            http = getEndpoint().getCamelContext().getEndpoint("platform-http:" + path);
            httpConsumer = http.createConsumer(handler);
        } catch (Exception e) {
            throw noPlatformHttp(path, e);
        }
        // before the platform-http consumer adds its route, so that ours comes first on the path; its refusal of a
        // server without a body limit says itself what to set
        bodyLimit = installBodyLimit(http, path);
        try {
            ServiceHelper.startService(httpConsumer);
        } catch (Exception e) {
            throw noPlatformHttp(path, e);
        }
        LOG.info("Connectly webhook receiving POSTs on path {}", path);

        if (getHealthCheck() == null && getEndpoint().getComponent() instanceof HealthCheckComponent component) {
            // reported through the route's consumer health check (camel.health.consumersEnabled)
            ConnectlyConsumerHealthCheck check = new ConnectlyConsumerHealthCheck(this, getRouteId());
            check.setEnabled(component.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }

        if (getEndpoint().getConfiguration().isWebhookAutoRegister()) {
            try {
                getEndpoint().registerWebhookAddress(getEndpoint().getConfiguration().getWebhookExternalUrl(),
                        "webhookExternalUrl");
            } catch (Exception e) {
                // the route does not start: stop serving the path too
                ServiceHelper.stopAndShutdownService(httpConsumer);
                httpConsumer = null;
                if (bodyLimit != null) {
                    bodyLimit.remove();
                    bodyLimit = null;
                }
                throw e;
            }
        }
    }

    /**
     * On Vert.x, requires the server's body limit and answers its 413 on our path (see {@link VertxWebhookBodyLimit});
     * other engines (servlet) hand the handler an unread stream, which it reads with the maxBodySize bound.
     */
    private static IllegalStateException noPlatformHttp(String path, Exception e) {
        return new IllegalStateException(
                "connectly:webhook serves webhookPath " + path + " through Camel's platform-http, which failed: " + e
                                         + ". Add an HTTP server that provides platform-http: camel-platform-http-main "
                                         + "(camel.server.enabled=true), camel-platform-http-vertx, camel-platform-http-starter "
                                         + "(Spring Boot) or Quarkus' platform-http",
                e);
    }

    private VertxWebhookBodyLimit installBodyLimit(Endpoint http, String path) {
        if (!(http instanceof PlatformHttpEndpoint platformHttp)) {
            return null;
        }
        PlatformHttpEngine engine = platformHttp.getPlatformHttpEngine() != null
                ? platformHttp.getPlatformHttpEngine() : platformHttp.getComponent().getEngine();
        Class<?> vertxEngine = getEndpoint().getCamelContext().getClassResolver().resolveClass(VertxWebhookBodyLimit.ENGINE_CLASS);
        if (engine == null || vertxEngine == null || !vertxEngine.isInstance(engine)) {
            return null;
        }
        int maxBodySize = getEndpoint().getConfiguration().getMaxBodySize();
        VertxWebhookBodyLimit limit
                = VertxWebhookBodyLimit.install(getEndpoint().getCamelContext(), engine, path, maxBodySize, handler);
        if (limit != null && limit.serverLimit() != null && limit.serverLimit() > maxBodySize) {
            LOG.warn("Connectly webhook on {}: the HTTP server reads bodies up to {} bytes (camel.server.maxBodySize) "
                     + "before this consumer refuses those above maxBodySize {}: lower the server's limit to bound what "
                     + "an unauthenticated sender can make it buffer",
                    path, limit.serverLimit(), maxBodySize);
        }
        return limit;
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (bodyLimit != null) {
            bodyLimit.remove();
            bodyLimit = null;
        }
        ServiceHelper.stopService(handler);
        super.doStop();
    }

    /** Whether the platform-http consumer serving webhookPath is started. */
    boolean isServing() {
        Consumer http = httpConsumer;
        return http != null && ServiceHelper.isStarted(http);
    }

    /** While the route is suspended the path stays served and answers 503, so Connectly redelivers later. */
    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(httpConsumer);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(httpConsumer);
        super.doResume();
    }

    /** Each verified event travels in a fresh exchange of this consumer, so the route sees no HTTP details. */
    private final class ConsumerTarget implements ConnectlyWebhookHandler.RouteTarget {

        @Override
        public Exchange eventExchange(Exchange http) {
            return createExchange(false);
        }

        @Override
        public AsyncProcessor processor() {
            return getAsyncProcessor();
        }

        @Override
        public boolean inPlace() {
            return false;
        }

        @Override
        public void release(Exchange event) {
            releaseExchange(event, false);
        }
    }
}
