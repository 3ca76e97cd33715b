package io.camelconnectly.component.connectly.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.component.connectly.client.ConnectlyApi;
import io.camelconnectly.component.connectly.client.ConnectlyApiException;
import io.camelconnectly.component.connectly.client.ConnectlyClient;
import io.camelconnectly.component.connectly.model.CreateWebhookRequest;
import io.camelconnectly.component.connectly.model.GetWebhooksResponse;
import io.camelconnectly.component.connectly.model.UpdateWebhookRequest;
import io.camelconnectly.component.connectly.model.Webhook;
import io.camelconnectly.component.connectly.model.WebhookResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Connectly posts the chosen topics to our public address (webhookAutoRegister): lists the business's
 * webhooks once, then per topic leaves a registration to the same address alone, creates a missing one, and moves a
 * registration of the topic to another address over to ours (Connectly allows one address per topic). A create
 * answered 409 (the topic got registered meanwhile) is resolved by listing again and updating.
 * <p>
 * Calls Connectly through the endpoint's {@link ConnectlyClient}, so registration gets the producer's retries, TLS,
 * proxy, timeouts and error mapping. It runs once at consumer start, so it waits for each answer (bounded by
 * {@code callTimeout}). Never logs nor reports the API key.
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

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

    private final ConnectlyClient client;
    private final Duration callTimeout;

    /** @param callTimeout how long to wait for one call, its retries included */
    public WebhookRegistrar(ConnectlyClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    /**
     * A registrar on the endpoint's client, waiting for each call as long as the client may take: the retry bound
     * plus one more attempt.
     */
    public static WebhookRegistrar of(ConnectlyClient client, ConnectlyConfiguration configuration) {
        return new WebhookRegistrar(client, Duration.ofMillis(configuration.getRetryMaxElapsed()
                                                              + configuration.getConnectTimeout()
                                                              + configuration.getResponseTimeout()));
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
        List<Webhook> existing = list();
        List<Outcome> outcomes = new ArrayList<>(topics.size());
        for (String topic : topics) {
            Webhook current = find(existing, topic);
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
            if (sameAddress(current.getAddress(), address)) {
                outcomes.add(new Outcome(topic, Action.ALREADY_REGISTERED, current.getId(), null));
            } else {
                update(current.getId(), address);
                outcomes.add(new Outcome(topic, Action.UPDATED, current.getId(), current.getAddress()));
            }
        }
        return outcomes;
    }

    /** GET /v1/businesses/{businessId}/webhooks. */
    public List<Webhook> list() throws WebhookRegistrationException {
        GetWebhooksResponse response = await(ConnectlyApi.GET_WEBHOOKS, null, null);
        return response.webhooks();
    }

    /** The answer to a create: the new id (null if Connectly returns none), or a 409 conflict. */
    private record Created(boolean conflict, String id) {
    }

    /** POST /create/webhooks. */
    private Created create(String topic, String address) throws WebhookRegistrationException {
        try {
            WebhookResponse response = await(ConnectlyApi.CREATE_WEBHOOK, null,
                    new CreateWebhookRequest().withTopic(topic).withAddress(address));
            Webhook created = response.webhook();
            return new Created(false, created == null ? null : created.getId());
        } catch (WebhookRegistrationException e) {
            if (e.getStatusCode() == 409) {
                return new Created(true, null);
            }
            throw e;
        }
    }

    /** PUT /update/webhooks/{id} with the new address (topic and configuration stay). */
    private void update(String webhookId, String address) throws WebhookRegistrationException {
        await(ConnectlyApi.UPDATE_WEBHOOK, webhookId, new UpdateWebhookRequest().withAddress(address));
    }

    /** One call, waited for at start-up; any failure becomes a WebhookRegistrationException with Connectly's status. */
    private <T> T await(ConnectlyApi api, String webhookId, Object body) throws WebhookRegistrationException {
        CompletableFuture<T> answer = client.call(api, webhookId, body);
        try {
            return answer.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ConnectlyApiException apiError) {
                // its message says it all (status, code, cntTraceId, what to do): no cause, so this is the root cause users see
                throw new WebhookRegistrationException("Connectly answered " + apiError.getHttpStatus() + " to " + api.operation()
                                                       + " while registering the webhook: " + apiError.getMessage(),
                        apiError.getHttpStatus(), null);
            }
            throw new WebhookRegistrationException("Registering the Connectly webhook failed: " + cause.getMessage(), 0, cause);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new WebhookRegistrationException("Connectly " + api.operation() + " gave no answer within "
                                                   + callTimeout.toMillis() + " ms while registering the webhook: check "
                                                   + "connectivity to baseUrl, or raise connectTimeout/responseTimeout",
                    0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(false);
            throw new WebhookRegistrationException("Registering the Connectly webhook was interrupted during " + api.operation(),
                    0, e);
        }
    }

    private static Webhook find(List<Webhook> registrations, String topic) {
        for (Webhook registration : registrations) {
            if (topic.equals(registration.getTopic())) {
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
