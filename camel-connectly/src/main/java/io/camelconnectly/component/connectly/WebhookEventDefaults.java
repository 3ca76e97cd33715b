package io.camelconnectly.component.connectly;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The producer headers the webhook consumer puts on an inbound event ({@code CamelConnectlyRecipient},
 * {@code CamelConnectlyCallbackData}) are defaults for a reply, not the user's choice: a producer takes them when its
 * endpoint has no such option, and an option written on the endpoint wins over them. The consumer records each value it
 * set in the exchange property {@value #PROPERTY}; a header that still holds the recorded value is the consumer's
 * default, while a header the route set (to any other value) wins over the option as usual.
 */
final class WebhookEventDefaults {

    /** Exchange property: header name to the value the webhook consumer set. */
    static final String PROPERTY = "CamelConnectlyWebhookEventDefaults";

    private WebhookEventDefaults() {
    }

    /** Sets the header (when the value is not null) and records it as the consumer's default. */
    static void set(Message message, String header, Object value) {
        if (value == null) {
            return;
        }
        message.setHeader(header, value);
        Exchange exchange = message.getExchange();
        Object recorded = exchange.getProperty(PROPERTY);
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = recorded instanceof Map ? (Map<String, Object>) recorded : new HashMap<>(4);
        defaults.put(header, value);
        exchange.setProperty(PROPERTY, defaults);
    }

    /** Whether the header's current value is the one the webhook consumer set (so an endpoint option outranks it). */
    static boolean isConsumerDefault(Message message, String header, Object headerValue) {
        Object recorded = message.getExchange().getProperty(PROPERTY);
        return recorded instanceof Map<?, ?> defaults && Objects.equals(defaults.get(header), headerValue);
    }
}
