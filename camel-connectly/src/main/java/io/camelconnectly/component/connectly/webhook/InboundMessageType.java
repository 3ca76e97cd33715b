package io.camelconnectly.component.connectly.webhook;

import java.util.Locale;

/** What a customer's inbound message is; {@link #headerValue()} is the value of header CamelConnectlyEventType. */
public enum InboundMessageType {
    TEXT,
    MEDIA,
    LOCATION,
    BUTTON_REPLY,
    LIST_REPLY,
    REACTION,
    /** A shape this component does not know (yet): read {@link ConnectlyWebhookEvent#getRawJson()}. */
    UNKNOWN;

    private final String headerValue = name().toLowerCase(Locale.ROOT);

    public String headerValue() {
        return headerValue;
    }
}
