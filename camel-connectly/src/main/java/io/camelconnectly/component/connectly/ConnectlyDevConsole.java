package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyClientMetrics;
import io.camelconnectly.component.connectly.webhook.WebhookCounters;
import io.camelconnectly.component.connectly.webhook.WebhookCounters.Rejection;
import io.camelconnectly.component.connectly.window.ConversationWindows;
import io.camelconnectly.component.connectly.window.WindowCounters;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * Every connectly endpoint of the context with its counters: the producer's calls for the API operations, the webhook
 * consumer's posts for {@code connectly:webhook}. Shows the sanitised endpoint URI, never the API key, webhook secret
 * or proxy password.
 */
@DevConsole(name = "connectly", displayName = "Connectly", description = "Connectly endpoints and their counters")
public class ConnectlyDevConsole extends AbstractDevConsole {

    public ConnectlyDevConsole() {
        super("camel", "connectly", "Connectly", "Connectly endpoints and their counters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject endpoint : endpoints()) {
            sb.append('\n');
            appendText(sb, endpoint, "    ");
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("endpoints", endpoints());
        return root;
    }

    /** One description per endpoint, shared by the text and JSON forms so they cannot disagree. */
    private List<JsonObject> endpoints() {
        List<JsonObject> list = new ArrayList<>();
        for (Endpoint candidate : getCamelContext().getEndpoints()) {
            if (candidate instanceof ConnectlyEndpoint endpoint) {
                list.add(describe(endpoint));
            }
        }
        return list;
    }

    private static JsonObject describe(ConnectlyEndpoint endpoint) {
        ConnectlyConfiguration configuration = endpoint.getConfiguration();
        JsonObject jo = new JsonObject();
        // sanitizeUri masks apiKey, webhookSecret and proxyPassword (and any user:password@ in the base URL)
        jo.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
        jo.put("operation", configuration.getOperation().name());
        jo.put("businessId", configuration.getBusinessId());
        jo.put("baseUrl", URISupport.sanitizeUri(configuration.getBaseUrl()));
        ConversationWindows windows = endpoint.getConversationWindows();
        if (windows != null) {
            jo.put("conversationWindowRepository", windows.getRepository().toString());
        }
        WindowCounters window = endpoint.getWindowCounters();
        if (configuration.getOperation().isProducerOperation()) {
            JsonObject producer = producerCounters(endpoint.getProducerMetrics());
            producer.put("sentAsSession", window.getSentAsSession());
            producer.put("sentAsTemplate", window.getSentAsTemplate());
            producer.put("sentAsTemplateAfterRefusal", window.getSentAsTemplateAfterRefusal());
            producer.put("windowUnknown", window.getWindowUnknown());
            producer.put("windowLookupFailures", window.getLookupFailures());
            producer.put("templateChecksStale", endpoint.getTemplateChecksStale());
            producer.put("templateRefreshFailures", endpoint.getTemplateRefreshFailures());
            producer.put("waiting", endpoint.getProducerWaiting());
            producer.put("waitingPeak", endpoint.getProducerWaitingPeak());
            jo.put("producer", producer);
        } else {
            jo.put("webhookPath", configuration.getWebhookPath());
            JsonObject webhook = webhookCounters(endpoint.getWebhookCounters());
            webhook.put("windowRecorded", window.getRecorded());
            webhook.put("windowRecordFailures", window.getRecordFailures());
            jo.put("webhook", webhook);
        }
        return jo;
    }

    private static JsonObject producerCounters(ConnectlyClientMetrics metrics) {
        JsonObject jo = new JsonObject();
        jo.put("succeeded", metrics.getSucceeded());
        jo.put("failed", metrics.getFailed());
        jo.put("retries", metrics.getRetries());
        jo.put("rateLimited", metrics.getRateLimited());
        jo.put("heldOff", metrics.getHeldOff());
        jo.put("waitingFull", metrics.getWaitingFull());
        jo.put("rejectedByValidation", metrics.getRejectedByValidation());
        JsonObject byCode = new JsonObject();
        byCode.putAll(metrics.getFailuresByCode());
        jo.put("failuresByCode", byCode);
        return jo;
    }

    private static JsonObject webhookCounters(WebhookCounters counters) {
        JsonObject jo = new JsonObject();
        jo.put("received", counters.getReceived());
        jo.put("verified", counters.getVerified());
        jo.put("rejected", counters.getRejectedTotal());
        JsonObject byReason = new JsonObject();
        for (Rejection reason : Rejection.values()) {
            byReason.put(reason.name(), counters.getRejected(reason));
        }
        jo.put("rejectedByReason", byReason);
        jo.put("duplicates", counters.getDuplicates());
        jo.put("inFlightDuplicates", counters.getInFlightDuplicates());
        jo.put("dedupeUnavailable", counters.getDedupeUnavailable());
        jo.put("filtered", counters.getFiltered());
        jo.put("routeFailures", counters.getRouteFailures());
        jo.put("processed", counters.getProcessed());
        return jo;
    }

    /** "name: value" lines, nested objects indented under their name; null values are left out. */
    private static void appendText(StringBuilder sb, Map<String, Object> values, String indent) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                sb.append(indent).append(entry.getKey()).append(':');
                if (nested.isEmpty()) {
                    sb.append(" none");
                }
                sb.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) nested;
                appendText(sb, children, indent + "    ");
            } else if (value != null) {
                sb.append(indent).append(entry.getKey()).append(": ").append(value).append('\n');
            }
        }
    }
}
