package io.camelconnectly.component.connectly.client;

import java.io.Closeable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.model.ErrorBody;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's way to call Connectly: its own retry policy and counters over a pooled, keep-alive Apache HttpClient 5
 * async client, which {@link ConnectlyConnections} shares between the endpoints of a component that call the same
 * account with the same transport settings. Calls never block a thread: the answer completes the returned future on
 * the I/O thread, and retries are scheduled on the shared scheduler. The API key is only ever written into the
 * X-API-Key header.
 */
public final class ConnectlyClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyClient.class);

    public static final String HEADER_API_KEY = "X-API-Key";
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient http;
    private final ScheduledExecutorService scheduler;
    private final RetryPolicy retryPolicy;
    private final ConnectlyClientMetrics metrics;
    private final HttpHost host;
    private final String businessPath;
    /** The request path of each call without a path parameter, by ConnectlyApi ordinal: built once, not per message. */
    private final String[] apiPaths;
    private final String apiKey;
    private final String businessId;
    private final String target;
    /** Calls waiting for their next attempt: completed with an error when the client closes under them. */
    private final Set<Call<?>> waitingToRetry = ConcurrentHashMap.newKeySet();
    /** Run once on close: closes the HTTP client this view owns, or releases its share of a shared one. */
    private final Runnable onClose;
    private volatile boolean closed;

    ConnectlyClient(CloseableHttpAsyncClient http, ScheduledExecutorService scheduler, RetryPolicy retryPolicy,
                    ConnectlyClientMetrics metrics, String baseUrl, String businessId, String apiKey, Runnable onClose) {
        this.http = http;
        this.onClose = onClose;
        this.scheduler = scheduler;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.apiKey = apiKey;
        this.businessId = businessId;
        URI base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.businessPath = basePath + "/v1/businesses/" + encode(businessId);
        this.apiPaths = new String[ConnectlyApi.values().length];
        for (ConnectlyApi api : ConnectlyApi.values()) {
            apiPaths[api.ordinal()] = businessPath + api.path();
        }
        this.target = base.getScheme() + "://" + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
    }

    /**
     * Makes and starts a client with an HTTP client of its own, closed with it (endpoints share theirs through
     * {@link ConnectlyConnections}).
     *
     * @param scheduler where retries wait (from Camel's ExecutorServiceManager)
     */
    public static ConnectlyClient create(CamelContext camelContext, ConnectlyConfiguration configuration,
                                         ScheduledExecutorService scheduler, ConnectlyClientMetrics metrics) throws Exception {
        CloseableHttpAsyncClient http = startHttpClient(camelContext, configuration);
        return view(http, scheduler, configuration, metrics, () -> http.close(CloseMode.GRACEFUL));
    }

    /** A client over an HTTP client owned elsewhere, with the retry policy of this configuration. */
    static ConnectlyClient view(CloseableHttpAsyncClient http, ScheduledExecutorService scheduler,
                                ConnectlyConfiguration configuration, ConnectlyClientMetrics metrics, Runnable onClose) {
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getRetryMaxAttempts(), configuration.getRetryMaxElapsed(),
                configuration.getRetryInitialDelay(), configuration.getRetryMaxDelay(), configuration.isRetryAmbiguousFailures());
        return new ConnectlyClient(http, scheduler, retryPolicy, metrics,
                validateBaseUrl(configuration.getBaseUrl()).toString(), configuration.getBusinessId(), configuration.getApiKey(),
                onClose);
    }

    /** The pooled HTTP client for a configuration's transport settings (timeouts, pool, TLS, proxy), started. */
    static CloseableHttpAsyncClient startHttpClient(CamelContext camelContext, ConnectlyConfiguration configuration)
            throws Exception {
        validateBaseUrl(configuration.getBaseUrl());
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(configuration.getMaxConnections())
                // all calls go to one host: let that route use the whole pool
                .setMaxConnPerRoute(configuration.getMaxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(configuration.getConnectTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (configuration.getSslContextParameters() != null) {
            SSLContext sslContext = configuration.getSslContextParameters().createSSLContext(camelContext);
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildAsync());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(
                                configuration.getConnectTimeout() + configuration.getResponseTimeout()))
                        .build())
                // RetryPolicy decides about retries, with knowledge of which calls are safe to repeat
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .setUserAgent("camel-connectly");
        if (configuration.getProxyHost() != null && !configuration.getProxyHost().isBlank()) {
            int proxyPort = configuration.getProxyPort() != null ? configuration.getProxyPort() : 8080;
            HttpHost proxy = new HttpHost(configuration.getProxyHost(), proxyPort);
            builder.setProxy(proxy);
            if (configuration.getProxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = configuration.getProxyPassword() == null
                        ? new char[0] : configuration.getProxyPassword().toCharArray();
                credentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(configuration.getProxyUsername(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        CloseableHttpAsyncClient http = builder.build();
        http.start();
        return http;
    }

    static URI validateBaseUrl(String baseUrl) {
        URI base;
        try {
            base = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option baseUrl '" + baseUrl + "' is not a URL: use e.g. https://api.connectly.ai", e);
        }
        if (base.getHost() == null || !("https".equalsIgnoreCase(base.getScheme()) || "http".equalsIgnoreCase(base.getScheme()))) {
            throw new IllegalArgumentException("Option baseUrl '" + baseUrl + "' must be an http(s) URL with a host, e.g. "
                                               + "https://api.connectly.ai");
        }
        refuseApiPath(baseUrl, base);
        return base;
    }

    /**
     * The client appends /v1/businesses/{businessId}/...: a baseUrl that already has it (as the simulator's banner and
     * Connectly's docs show whole URLs) would be called with the path twice and answer 404 for every call.
     */
    private static void refuseApiPath(String baseUrl, URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        int v1 = path.indexOf("/v1/businesses");
        if (v1 < 0 && (path.endsWith("/v1") || path.endsWith("/v1/"))) {
            v1 = path.lastIndexOf("/v1");
        }
        if (v1 < 0) {
            return;
        }
        String root = base.getScheme() + "://" + base.getRawAuthority() + path.substring(0, v1);
        StringBuilder message = new StringBuilder(200).append("Option baseUrl '").append(baseUrl)
                .append("' already contains the API path /v1/businesses/...: the component adds it to every call. Set baseUrl to ")
                .append(root);
        String[] rest = path.substring(v1).split("/");
        // "", "v1", "businesses", "{businessId}", ...
        if (rest.length > 3 && !rest[3].isEmpty()) {
            message.append(" and businessId to ").append(rest[3]);
        }
        throw new IllegalArgumentException(message.append('.').toString());
    }

    /** Lists the business's templates (POST /get/templates). */
    public CompletableFuture<GetTemplatesResponse> getTemplates() {
        return call(ConnectlyApi.GET_TEMPLATES, null, null);
    }

    /**
     * Calls Connectly. The future completes with the typed answer, or with a {@link ConnectlyException} once retries are
     * exhausted or the failure is not retryable.
     *
     * @param pathId the webhook id for update/delete, else null
     * @param body   the request object serialised as JSON, or null for no body
     */
    public <T> CompletableFuture<T> call(ConnectlyApi api, String pathId, Object body) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            byte[] json = body == null ? null : ConnectlyJson.writeBytes(body);
            String path = api.hasIdParameter() ? apiPaths[api.ordinal()] + encode(pathId) : apiPaths[api.ordinal()];
            new Call<>(api, path, json, future).attempt();
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One call with its attempts; the callback of each attempt's exchange. */
    private final class Call<T> implements FutureCallback<SimpleHttpResponse> {
        private final ConnectlyApi api;
        private final String path;
        private final byte[] body;
        private final CompletableFuture<T> future;
        private final long startNanos = System.nanoTime();
        private int attempts;

        Call(ConnectlyApi api, String path, byte[] body, CompletableFuture<T> future) {
            this.api = api;
            this.path = path;
            this.body = body;
            this.future = future;
        }

        void attempt() {
            attempts++;
            try {
                SimpleHttpRequest request = new SimpleHttpRequest(api.method(), host, path);
                request.setHeader(HEADER_API_KEY, apiKey);
                request.setHeader("Accept", "application/json");
                if (body != null) {
                    // the producer sets Content-Type: application/json from the body's content type
                    request.setBody(body, JSON);
                }
                http.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null, this);
            } catch (Throwable e) {
                failed(e instanceof Exception ? (Exception) e : new RuntimeException(e));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void completed(SimpleHttpResponse response) {
            int status = response.getCode();
            byte[] answer = response.getBodyBytes();
            if (status >= 200 && status < 300) {
                try {
                    T value = (T) (answer == null || answer.length == 0
                            ? api.responseReader().readValue("{}") : api.responseReader().readValue(answer));
                    metrics.succeeded();
                    future.complete(value);
                } catch (Throwable e) {
                    metrics.failed("INVALID_RESPONSE");
                    future.completeExceptionally(new ConnectlyException(api.operation().name(), "Connectly " + api.operation()
                                                                                              + " answered with a body that is not the expected JSON: "
                                                                                              + e.getMessage(),
                            false, e));
                }
                return;
            }
            try {
                Header retryAfterHeader = response.getFirstHeader("Retry-After");
                ErrorBody errorBody = ConnectlyErrors.parseErrorBody(answer);
                RetryPolicy.Failure failure = RetryPolicy.classify(status, retryAfterHeader != null,
                        ConnectlyErrors.isConnectlyError(errorBody));
                Duration retryAfter = (status == 429 || status == 503) && retryAfterHeader != null
                        ? RetryPolicy.parseRetryAfter(retryAfterHeader.getValue()) : null;
                if (status == 429) {
                    metrics.rateLimited();
                }
                long delay = retryPolicy.nextDelayMillis(failure, api.isRead(), attempts, startNanos, retryAfter);
                if (delay >= 0 && scheduleRetry(delay, "HTTP " + status)) {
                    return;
                }
                ConnectlyApiException error = ConnectlyErrors.apiException(api, businessId, status, errorBody, retryAfter,
                        failure, retryPolicy.isRetryable(failure, api.isRead()), attempts);
                metrics.answeredWithError(status, error.getErrorCode(), error.getCntTraceId());
                future.completeExceptionally(error);
            } catch (Throwable e) {
                // never reached by a bad header or error body (both are read leniently); still, the call must end
                metrics.failed("HTTP_" + status);
                future.completeExceptionally(e);
            }
        }

        @Override
        public void failed(Exception error) {
            try {
                RetryPolicy.Failure failure = RetryPolicy.classify(error);
                long delay = retryPolicy.nextDelayMillis(failure, api.isRead(), attempts, startNanos, null);
                if (delay >= 0 && scheduleRetry(delay, error.getClass().getSimpleName())) {
                    return;
                }
                metrics.unreachable(error.getClass().getSimpleName());
                future.completeExceptionally(ConnectlyErrors.connectionException(api, error, failure,
                        retryPolicy.isRetryable(failure, api.isRead()), attempts, target));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }

        private void retryNow() {
            if (waitingToRetry.remove(this)) {
                attempt();
            }
        }

        void abandon() {
            metrics.failed("ENDPOINT_STOPPED");
            future.completeExceptionally(new ConnectlyException(api.operation().name(), "Connectly " + api.operation()
                                                                                      + " was abandoned after " + attempts
                                                                                      + " attempt(s): the endpoint stopped while the call waited to retry",
                    false, null));
        }

        @Override
        public void cancelled() {
            metrics.failed("CANCELLED");
            future.completeExceptionally(new ConnectlyException(api.operation().name(),
                    "Connectly " + api.operation() + " was cancelled (the endpoint is stopping)", false, null));
        }

        private boolean scheduleRetry(long delayMillis, String reason) {
            if (closed) {
                return false;
            }
            waitingToRetry.add(this);
            try {
                scheduler.schedule(this::retryNow, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                waitingToRetry.remove(this);
                return false;
            }
            if (closed && waitingToRetry.remove(this)) {
                // closed between the check and the scheduling: close() may have missed this call
                abandon();
                return true;
            }
            metrics.retried();
            if (LOG.isDebugEnabled()) {
                LOG.debug("Connectly {} attempt {} failed ({}); retrying in {} ms", api.operation(), attempts, reason, delayMillis);
            }
            return true;
        }
    }

    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    public ConnectlyClientMetrics getMetrics() {
        return metrics;
    }

    /**
     * Ends this client: calls still waiting to retry end at once with a ConnectlyException, never hang; the HTTP client
     * is closed, or its share released (the last user closes a shared one).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Call<?> call : waitingToRetry) {
            if (waitingToRetry.remove(call)) {
                call.abandon();
            }
        }
        onClose.run();
    }

    /** Deliberately leaves out the API key. */
    @Override
    public String toString() {
        return "ConnectlyClient[" + target + businessPath + "]";
    }
}
