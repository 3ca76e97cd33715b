package io.camelconnectly.component.connectly.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.model.ErrorBody;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Connectly posts the chosen topics to our public address (webhookAutoRegister): lists the business's
 * webhooks once, then per topic leaves a registration to the same address alone, creates a missing one, and moves a
 * registration of the topic to another address over to ours (Connectly allows one address per topic). A create
 * answered 409 (the topic got registered meanwhile) is resolved by listing again and updating.
 * <p>
 * Self-contained on purpose: it uses the JDK HTTP client for these few start-up calls, so that the consumer does not
 * depend on the producer's client. It is the only class that talks to the webhook API on the consumer's behalf, so
 * switching it to the shared client is a change here only. Never logs nor reports the API key.
 */
public final class WebhookRegistrar {

    /** What registration did for one topic. */
    public enum Action {
        ALREADY_REGISTERED,
        CREATED,
        UPDATED
    }

    /** @param previousAddress the address the topic was registered to before an update, else null */
    public record Outcome(String topic, Action action, String webhookId, String previousAddress) {
    }

    /** A registration as listed by Connectly. */
    public record Registration(String id, String topic, String address) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

    private final HttpClient client;
    private final String businessPath;
    private final String baseUrl;
    private final String apiKey;
    private final Duration responseTimeout;

    /**
     * @param sslContext TLS for calls to Connectly, or null for the JVM default
     * @param proxy      a proxy selector, or null for a direct connection
     */
    public WebhookRegistrar(String baseUrl, String businessId, String apiKey, Duration connectTimeout,
                            Duration responseTimeout, SSLContext sslContext, ProxySelector proxy) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.businessPath = "/v1/businesses/" + URLEncoder.encode(businessId, StandardCharsets.UTF_8).replace("+", "%20");
        this.apiKey = apiKey;
        this.responseTimeout = responseTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = builder.build();
    }

    /** A registrar with the endpoint's baseUrl, businessId, apiKey, timeouts, TLS and proxy settings. */
    public static WebhookRegistrar of(ConnectlyConfiguration configuration, CamelContext camelContext)
            throws GeneralSecurityException, IOException {
        SSLContext sslContext = configuration.getSslContextParameters() != null
                ? configuration.getSslContextParameters().createSSLContext(camelContext) : null;
        ProxySelector proxy = configuration.getProxyHost() != null
                ? ProxySelector.of(new InetSocketAddress(configuration.getProxyHost(),
                        configuration.getProxyPort() != null ? configuration.getProxyPort() : 80))
                : null;
        return new WebhookRegistrar(configuration.getBaseUrl(), configuration.getBusinessId(), configuration.getApiKey(),
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getResponseTimeout()),
                sslContext, proxy);
    }

    /** {@link #ensureRegistered} and logs what was done (an address moved from elsewhere as a WARN). */
    public List<Outcome> register(String address, Collection<String> topics) throws WebhookRegistrationException {
        if (!address.regionMatches(true, 0, "https://", 0, 8)) {
            LOG.warn("Connectly only posts webhooks to HTTPS addresses; {} is not one (fine for the simulator only)", address);
        }
        List<Outcome> outcomes = ensureRegistered(address, topics);
        for (Outcome outcome : outcomes) {
            switch (outcome.action()) {
                case ALREADY_REGISTERED -> LOG.info("Connectly webhook for topic {} already registered at {} (id {})",
                        outcome.topic(), address, outcome.webhookId());
                case CREATED -> LOG.info("Connectly webhook for topic {} registered at {} (id {})",
                        outcome.topic(), address, outcome.webhookId());
                case UPDATED -> LOG.warn("Connectly webhook for topic {} (id {}) moved from {} to {}: Connectly allows one "
                                         + "address per topic",
                        outcome.topic(), outcome.webhookId(), outcome.previousAddress(), address);
                default -> throw new IllegalStateException("unexpected " + outcome.action());
            }
        }
        return outcomes;
    }

    /**
     * Registers {@code address} for each topic unless it is registered there already.
     *
     * @return what was done per topic, in the order given
     */
    public List<Outcome> ensureRegistered(String address, Collection<String> topics) throws WebhookRegistrationException {
        List<Registration> existing = list();
        List<Outcome> outcomes = new ArrayList<>(topics.size());
        for (String topic : topics) {
            Registration current = find(existing, topic);
            if (current == null) {
                Created created = create(topic, address);
                if (!created.conflict()) {
                    outcomes.add(new Outcome(topic, Action.CREATED, created.id(), null));
                    continue;
                }
                // registered by someone else between our list and our create: list again, then treat as existing
                existing = list();
                current = find(existing, topic);
                if (current == null) {
                    throw new WebhookRegistrationException(
                            "Connectly answered 409 to creating the " + topic + " webhook but does not list one for that topic",
                            409, null);
                }
            }
            if (sameAddress(current.address(), address)) {
                outcomes.add(new Outcome(topic, Action.ALREADY_REGISTERED, current.id(), null));
            } else {
                update(current.id(), address);
                outcomes.add(new Outcome(topic, Action.UPDATED, current.id(), current.address()));
            }
        }
        return outcomes;
    }

    /** GET /v1/businesses/{businessId}/webhooks. */
    public List<Registration> list() throws WebhookRegistrationException {
        String path = businessPath + "/webhooks";
        HttpResponse<byte[]> response = send("GET", path, null);
        requireSuccess("GET", path, response);
        JsonNode root = readJson("GET", path, response.body());
        JsonNode entity = root.has("entity") ? root.get("entity") : root;
        List<Registration> result = new ArrayList<>();
        JsonNode webhooks = entity.path("webhooks");
        for (JsonNode webhook : webhooks) {
            result.add(new Registration(
                    WebhookEventParser.text(webhook, "id"), WebhookEventParser.text(webhook, "topic"),
                    WebhookEventParser.text(webhook, "address")));
        }
        return result;
    }

    /** The answer to a create: the new id (null if Connectly returns none), or a 409 conflict. */
    private record Created(boolean conflict, String id) {
    }

    /** POST /create/webhooks. */
    private Created create(String topic, String address) throws WebhookRegistrationException {
        String path = businessPath + "/create/webhooks";
        HttpResponse<byte[]> response = send("POST", path, Map.of("topic", topic, "address", address));
        if (response.statusCode() == 409) {
            return new Created(true, null);
        }
        requireSuccess("POST", path, response);
        JsonNode root = readJson("POST", path, response.body());
        JsonNode entity = root.has("entity") ? root.get("entity") : root;
        return new Created(false, WebhookEventParser.text(entity, "id"));
    }

    /** PUT /update/webhooks/{id} with the new address (topic and configuration stay). */
    private void update(String webhookId, String address) throws WebhookRegistrationException {
        String path = businessPath + "/update/webhooks/" + URLEncoder.encode(webhookId, StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = send("PUT", path, Map.of("address", address));
        requireSuccess("PUT", path, response);
    }

    private HttpResponse<byte[]> send(String method, String path, Object body) throws WebhookRegistrationException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(responseTimeout)
                .header("X-API-Key", apiKey)
                .header("Accept", "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(ConnectlyJson.mapper().writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new WebhookRegistrationException(
                    method + " " + baseUrl + path + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookRegistrationException(method + " " + baseUrl + path + " was interrupted", 0, e);
        }
    }

    private void requireSuccess(String method, String path, HttpResponse<byte[]> response) throws WebhookRegistrationException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        StringBuilder message = new StringBuilder("Connectly answered ").append(status).append(" to ").append(method)
                .append(' ').append(baseUrl).append(path);
        try {
            ErrorBody error = ConnectlyJson.mapper().readValue(response.body(), ErrorBody.class);
            if (error.getCode() != null) {
                message.append(": ").append(error.getCode());
            }
            if (error.getMessage() != null) {
                message.append(" (").append(error.getMessage()).append(')');
            }
            if (error.getCntTraceId() != null) {
                message.append(", cntTraceId ").append(error.getCntTraceId());
            }
        } catch (IOException | RuntimeException notAnErrorBody) {
            // keep the status only: the body is not Connectly's error object
        }
        if (status == 401 || status == 403) {
            message.append("; check the apiKey option");
        }
        throw new WebhookRegistrationException(message.toString(), status, null);
    }

    private JsonNode readJson(String method, String path, byte[] body) throws WebhookRegistrationException {
        if (body == null || body.length == 0) {
            return ConnectlyJson.mapper().createObjectNode();
        }
        try {
            return ConnectlyJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new WebhookRegistrationException(
                    "Connectly answered " + method + " " + baseUrl + path + " with a body that is not JSON", 200, e);
        } catch (IOException e) {
            throw new WebhookRegistrationException(method + " " + baseUrl + path + ": " + e.getMessage(), 200, e);
        }
    }

    private static Registration find(List<Registration> registrations, String topic) {
        for (Registration registration : registrations) {
            if (topic.equals(registration.topic())) {
                return registration;
            }
        }
        return null;
    }

    static boolean sameAddress(String a, String b) {
        return a != null && b != null && stripSlash(a.trim()).equals(stripSlash(b.trim()));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
