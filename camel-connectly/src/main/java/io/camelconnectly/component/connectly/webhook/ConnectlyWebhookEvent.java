package io.camelconnectly.component.connectly.webhook;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.model.Party;

/**
 * A verified Connectly webhook event: the body of the exchanges {@code connectly:webhook} routes. Either an
 * {@link InboundMessageEvent} (topic {@code messages}: a customer wrote) or a {@link DeliveryStatusEvent} (topic
 * {@code delivery_status}: what happened to a message we sent).
 */
public abstract class ConnectlyWebhookEvent {

    public static final String TOPIC_MESSAGES = "messages";
    public static final String TOPIC_DELIVERY_STATUS = "delivery_status";

    private String topic;
    private Instant timestamp;
    private Party sender;
    private Party recipient;
    private JsonNode callbackData;
    private String rawJson;

    /** {@code messages} or {@code delivery_status}. */
    public String getTopic() {
        return topic;
    }

    /** Connectly's event time (its {@code timestamp}, Unix seconds), or null when absent or unreadable. */
    public Instant getTimestamp() {
        return timestamp;
    }

    /** Who sent the message: the customer for inbound messages, the business for delivery statuses. */
    public Party getSender() {
        return sender;
    }

    /** Who received it: the business for inbound messages, the customer for delivery statuses. */
    public Party getRecipient() {
        return recipient;
    }

    /** The {@code callbackData} Connectly echoes from the related send, or null. */
    public JsonNode getCallbackData() {
        return callbackData;
    }

    /** {@link #getCallbackData()} as plain Java: Map, List, String, Number or Boolean; null when absent. */
    public Object getCallbackDataValue() {
        return getCallbackDataAs(Object.class);
    }

    /** {@link #getCallbackData()} bound to a type of yours (lenient: unknown fields are ignored). */
    public <T> T getCallbackDataAs(Class<T> type) {
        if (callbackData == null || callbackData.isNull() || callbackData.isMissingNode()) {
            return null;
        }
        try {
            return ConnectlyJson.mapper().treeToValue(callbackData, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("callbackData cannot be read as " + type.getName() + ": " + e.getOriginalMessage(),
                                               e);
        }
    }

    /** The webhook body exactly as received and verified (UTF-8 JSON text). */
    public String getRawJson() {
        return rawJson;
    }

    /**
     * The event type as in header CamelConnectlyEventType: text, media, location, button_reply, list_reply, reaction,
     * unknown for inbound messages; sent, delivered, read, delivery_failed, unknown for delivery statuses.
     */
    public abstract String getEventType();

    /** The customer's number (sender of inbound messages, recipient of delivery statuses). */
    public abstract String getCustomerNumber();

    /** The business number the event concerns. */
    public abstract String getBusinessNumber();

    /**
     * The id of our outbound message the event refers to: {@code statusUpdate.id} of a delivery status, the quoted
     * {@code context.replyToId} of a reply; null for an unrelated inbound message.
     */
    public abstract String getMessageId();

    void setTopic(String topic) {
        this.topic = topic;
    }

    void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    void setSender(Party sender) {
        this.sender = sender;
    }

    void setRecipient(Party recipient) {
        this.recipient = recipient;
    }

    void setCallbackData(JsonNode callbackData) {
        this.callbackData = callbackData;
    }

    void setRawJson(String rawJson) {
        this.rawJson = rawJson;
    }

    static String idOf(Party party) {
        return party != null ? party.getId() : null;
    }
}
