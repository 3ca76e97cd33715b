package io.camelconnectly.component.connectly.client;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that shares HTTP clients: one per component and Connectly account. Endpoints of a component that call
 * the same baseUrl, businessId and apiKey with the same transport settings (connectTimeout, responseTimeout,
 * maxConnections, proxy, sslContextParameters) share one pooled Apache HttpClient 5 async client with its I/O threads,
 * one retry scheduler thread with the account's {@link WaitingCalls} (their number bounded, Connectly's Retry-After
 * honoured for the account) and one {@link TemplateCatalog}; each endpoint keeps its own {@link ConnectlyClient} with
 * its own retry policy and counters. Reference-counted: the last endpoint to stop closes them. A route with
 * {@code toD("connectly:sendTemplatedMessage?templateName=${header.tpl}")} and 20 template names thus runs on one client.
 */
public final class ConnectlyConnections {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyConnections.class);

    /** What a shared client depends on. Holds credentials: never logged (toString leaves them out). */
    private record Key(String baseUrl, String businessId, String apiKey, long connectTimeout, long responseTimeout,
            int maxConnections, String proxyHost, Integer proxyPort, String proxyUsername, String proxyPassword,
            SSLContextParameters sslContextParameters) {

        static Key of(ConnectlyConfiguration c) {
            return new Key(c.getBaseUrl(), c.getBusinessId(), c.getApiKey(), c.getConnectTimeout(), c.getResponseTimeout(),
                           c.getMaxConnections(), c.getProxyHost(), c.getProxyPort(), c.getProxyUsername(), c.getProxyPassword(),
                           c.getSslContextParameters());
        }

        @Override
        public String toString() {
            return baseUrl + " business " + businessId;
        }
    }

    /** One shared HTTP client and what goes with it. */
    private static final class Shared {
        final CloseableHttpAsyncClient http;
        final WaitingCalls waitingCalls;
        final ConnectlyClient catalogClient;
        final TemplateCatalog templateCatalog;
        int users;

        Shared(CloseableHttpAsyncClient http, WaitingCalls waitingCalls, ConnectlyClient catalogClient,
               TemplateCatalog templateCatalog) {
            this.http = http;
            this.waitingCalls = waitingCalls;
            this.catalogClient = catalogClient;
            this.templateCatalog = templateCatalog;
        }
    }

    /** An endpoint's use of a shared client; {@link #close()} ends the endpoint's client and releases its share. */
    public static final class Lease implements AutoCloseable {
        private final ConnectlyClient client;
        private final TemplateCatalog templateCatalog;

        Lease(ConnectlyClient client, TemplateCatalog templateCatalog) {
            this.client = client;
            this.templateCatalog = templateCatalog;
        }

        /** The endpoint's own client (its retry policy and counters) over the shared HTTP client. */
        public ConnectlyClient client() {
            return client;
        }

        /** The template cache shared by every endpoint of the account. */
        public TemplateCatalog templateCatalog() {
            return templateCatalog;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private final Object owner;
    private final Map<Key, Shared> shared = new HashMap<>();

    /** @param owner the component, named as the source of the retry scheduler threads */
    public ConnectlyConnections(Object owner) {
        this.owner = owner;
    }

    /**
     * A client for an endpoint with this configuration (which must hold baseUrl, businessId and apiKey), on the shared
     * HTTP client of its account and transport settings, made now if it is the first.
     *
     * @param metrics the endpoint's counters
     */
    public synchronized Lease acquire(CamelContext camelContext, ConnectlyConfiguration configuration, ConnectlyClientMetrics metrics)
            throws Exception {
        Key key = Key.of(configuration);
        Shared current = shared.get(key);
        if (current == null) {
            CloseableHttpAsyncClient http = ConnectlyClient.startHttpClient(camelContext, configuration);
            ScheduledExecutorService scheduler
                    = camelContext.getExecutorServiceManager().newScheduledThreadPool(owner, "ConnectlyRetry", 1);
            WaitingCalls waitingCalls = new WaitingCalls(scheduler);
            // the catalog's getTemplates calls have a client of their own, so that they outlive the endpoint that first
            // needed them; they use that endpoint's retry settings
            ConnectlyClient catalogClient = ConnectlyClient.view(http, waitingCalls, configuration, new ConnectlyClientMetrics(),
                    () -> {
                    });
            current = new Shared(http, waitingCalls, catalogClient,
                                 new TemplateCatalog(catalogClient));
            shared.put(key, current);
            LOG.debug("Connectly HTTP client for {} started ({} shared clients)", key, shared.size());
        }
        current.users++;
        Shared share = current;
        ConnectlyClient client = ConnectlyClient.view(share.http, share.waitingCalls, configuration, metrics,
                () -> release(camelContext, key, share));
        return new Lease(client, share.templateCatalog);
    }

    private synchronized void release(CamelContext camelContext, Key key, Shared share) {
        if (--share.users > 0) {
            return;
        }
        shared.remove(key, share);
        share.catalogClient.close();
        share.http.close(CloseMode.GRACEFUL);
        camelContext.getExecutorServiceManager().shutdownNow(share.waitingCalls.scheduler());
        LOG.debug("Connectly HTTP client for {} closed with its last endpoint ({} shared clients left)", key, shared.size());
    }

    /** How many HTTP clients are open (one per account and transport settings in use). */
    public synchronized int size() {
        return shared.size();
    }
}
