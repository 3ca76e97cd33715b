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
 * <p>
 * Bounds: a call ends (answer, or typed exception) within retryMaxElapsed plus one attempt's connectTimeout and
 * responseTimeout, since no wait (to retry, for a Retry-After, for a pooled connection) may end after retryMaxElapsed.
 * At most retryMaxWaiting calls of the account wait at once ({@link WaitingCalls}); each holds its request body once,
 * as the bytes every attempt sends. After a 429 with Retry-After, new calls of that operation wait for it to pass
 * instead of being refused one by one, so a send rate far above Connectly's limit does not hammer it.
 */
public final class ConnectlyClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyClient.class);

    public static final String HEADER_API_KEY = "X-API-Key";
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient http;
    private final WaitingCalls waitingCalls;
    private final RetryPolicy retryPolicy;
    private final ConnectlyClientMetrics metrics;
    private final HttpHost host;
    private final String businessPath;
    /** The request path of each call without a path parameter, by ConnectlyApi ordinal: built once, not per message. */
    private final String[] apiPaths;
    private final String apiKey;
    private final String businessId;
    private final String target;
    private final Timeout responseTimeout;
    /** The first attempt's settings, made once: it may wait for a pooled connection as long as the call may last. */
    private final RequestConfig firstAttempt;
    /** Calls waiting for their next attempt: completed with an error when the client closes under them. */
    private final Set<Call<?>> waitingToRetry = ConcurrentHashMap.newKeySet();
    /** Run once on close: closes the HTTP client this view owns, or releases its share of a shared one. */
    private final Runnable onClose;
    private volatile boolean closed;

    ConnectlyClient(CloseableHttpAsyncClient http, WaitingCalls waitingCalls, RetryPolicy retryPolicy,
                    ConnectlyClientMetrics metrics, String baseUrl, String businessId, String apiKey, long responseTimeoutMillis,
                    Runnable onClose) {
        this.http = http;
        this.onClose = onClose;
        this.waitingCalls = waitingCalls;
        this.retryPolicy = retryPolicy;
        this.responseTimeout = Timeout.ofMilliseconds(responseTimeoutMillis);
        this.firstAttempt = attemptConfig(retryPolicy.connectionWaitMillis(System.nanoTime()));
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
        return view(http, new WaitingCalls(scheduler), configuration, metrics, () -> http.close(CloseMode.GRACEFUL));
    }

    /**
     * A client over an HTTP client owned elsewhere, with the retry policy of this configuration; its calls wait among
     * the account's {@code waitingCalls}.
     */
    static ConnectlyClient view(CloseableHttpAsyncClient http, WaitingCalls waitingCalls,
                                ConnectlyConfiguration configuration, ConnectlyClientMetrics metrics, Runnable onClose) {
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getRetryMaxAttempts(), configuration.getRetryMaxElapsed(),
                configuration.getRetryInitialDelay(), configuration.getRetryMaxDelay(), configuration.isRetryAmbiguousFailures(),
                configuration.getRetryMaxWaiting());
        return new ConnectlyClient(http, waitingCalls, retryPolicy, metrics,
                validateBaseUrl(configuration.getBaseUrl()).toString(), configuration.getBusinessId(), configuration.getApiKey(),
                configuration.getResponseTimeout(), onClose);
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
                        // each attempt sets its own: how long it may wait for a pooled connection depends on the call
                        .setResponseTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
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
            Call<T> call = new Call<>(api, path, json, future);
            long holdOff = waitingCalls.holdOffMillis(api);
            if (holdOff > 0) {
                call.holdOff(holdOff);
            } else {
                call.attempt(firstAttempt);
            }
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The settings of an attempt that may wait this long for a pooled connection. */
    private RequestConfig attemptConfig(long connectionWaitMillis) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectionWaitMillis))
                .setResponseTimeout(responseTimeout)
                .build();
    }

    /** One call with its attempts; the callback of each attempt's exchange. */
    private final class Call<T> implements FutureCallback<SimpleHttpResponse> {
        private final ConnectlyApi api;
        private final String path;
        /** Sent as it is by every attempt: a waiting call holds its body once. */
        private final byte[] body;
        private final CompletableFuture<T> future;
        private final long startNanos = System.nanoTime();
        private int attempts;
        /** Set when the call could have waited to retry but the account's waiting calls were at retryMaxWaiting. */
        private boolean waitingFull;

        Call(ConnectlyApi api, String path, byte[] body, CompletableFuture<T> future) {
            this.api = api;
            this.path = path;
            this.body = body;
            this.future = future;
        }

        void attempt(RequestConfig config) {
            attempts++;
            try {
                SimpleHttpRequest request = new SimpleHttpRequest(api.method(), host, path);
                request.setConfig(config);
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

        /**
         * Connectly answered a call of this operation with 429 and Retry-After a moment ago: the first attempt waits for
         * it to pass, or, when the call may not wait that long or that many calls wait already, the call fails at once
         * without being sent.
         */
        void holdOff(long millis) {
            boolean fits = retryPolicy.fitsBudget(startNanos, millis);
            if (fits && waitThenAttempt(millis)) {
                metrics.heldOff();
                return;
            }
            metrics.answeredWithError(429, null, null);
            future.completeExceptionally(ConnectlyErrors.heldOffException(api, millis, fits, retryPolicy.getMaxWaiting()));
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
                    // the limit is the account's: the operation's other calls hold off too, instead of being refused
                    waitingCalls.holdOff(api, retryPolicy.holdOffMillis(retryAfter));
                }
                long delay = retryPolicy.nextDelayMillis(failure, api.isRead(), attempts, startNanos, retryAfter);
                if (delay >= 0 && scheduleRetry(delay, "HTTP " + status)) {
                    return;
                }
                ConnectlyApiException error = ConnectlyErrors.apiException(api, businessId, status, errorBody, retryAfter,
                        failure, retryPolicy.isRetryable(failure, api.isRead()), attempts, notRetried());
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
                        retryPolicy.isRetryable(failure, api.isRead()), attempts, target, notRetried()));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }

        /** Why a retryable failure was not retried although the retry bounds allowed it, or null. */
        private String notRetried() {
            return waitingFull ? ConnectlyErrors.waitingFull(retryPolicy.getMaxWaiting()) : null;
        }

        /** Runs on the scheduler thread when the wait is over, unless the client closed meanwhile. */
        private void attemptAfterWait() {
            if (stopWaiting()) {
                attempt(attemptConfig(retryPolicy.connectionWaitMillis(startNanos)));
            }
        }

        /** Leaves the waiting calls; false when the call no longer waited (closed under it). */
        private boolean stopWaiting() {
            if (waitingToRetry.remove(this)) {
                waitingCalls.leave();
                return true;
            }
            return false;
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
            if (!waitThenAttempt(delayMillis)) {
                return false;
            }
            metrics.retried();
            if (LOG.isDebugEnabled()) {
                LOG.debug("Connectly {} attempt {} failed ({}); retrying in {} ms", api.operation(), attempts, reason, delayMillis);
            }
            return true;
        }

        /**
         * Makes the call wait among the account's waiting calls, then attempt again; false when it may not wait: the
         * client is closed, or retryMaxWaiting calls of the account wait already (then counted, and said in the error).
         */
        private boolean waitThenAttempt(long delayMillis) {
            if (closed) {
                return false;
            }
            if (!waitingCalls.tryEnter(retryPolicy.getMaxWaiting())) {
                waitingFull = true;
                metrics.waitingFull();
                return false;
            }
            waitingToRetry.add(this);
            try {
                waitingCalls.scheduler().schedule(this::attemptAfterWait, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                stopWaiting();
                return false;
            }
            if (closed && stopWaiting()) {
                // closed between the check and the scheduling: close() may have missed this call
                abandon();
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

    /** Calls of this client's Connectly account (every endpoint sharing its HTTP client) waiting now. */
    public int getWaitingCalls() {
        return waitingCalls.count();
    }

    /** The most calls of the account that waited at once. */
    public int getWaitingCallsPeak() {
        return waitingCalls.peak();
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
            if (call.stopWaiting()) {
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
