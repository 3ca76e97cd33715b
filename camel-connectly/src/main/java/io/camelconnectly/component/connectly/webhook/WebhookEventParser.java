package io.camelconnectly.component.connectly.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.model.ErrorBody;
import io.camelconnectly.component.connectly.model.Party;

/**
 * Reads a verified webhook body into a typed {@link ConnectlyWebhookEvent}. Lenient: unknown fields are ignored and
 * nulls tolerated, as Connectly adds fields and old payloads carry {@code "name": null}, {@code "attachments": []}.
 * A body with {@code topic} is classified by it; one without (inbound message examples carry none) is a delivery
 * status when it has a {@code statusUpdate} object, an inbound message otherwise. Stateless and thread-safe.
 */
public final class WebhookEventParser {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    /**
     * @param  rawBody                    the exact bytes received (UTF-8 JSON)
     * @throws MalformedWebhookException if the body is not a JSON object, or holds a value that cannot be mapped (e.g. a
     *                                    timestamp out of range): redelivering it could never succeed
     */
    public ConnectlyWebhookEvent parse(byte[] rawBody) throws MalformedWebhookException {
        try {
            return map(rawBody);
        } catch (MalformedWebhookException e) {
            throw e;
        } catch (RuntimeException e) {
            // the exception's type only: its message may quote body content (message text, phone numbers)
            throw new MalformedWebhookException("webhook body has content that cannot be mapped to an event ("
                                                + e.getClass().getSimpleName() + ")", e);
        }
    }

    private ConnectlyWebhookEvent map(byte[] rawBody) throws MalformedWebhookException {
        JsonNode root;
        try {
            root = ConnectlyJson.mapper().readTree(rawBody);
        } catch (JsonProcessingException e) {
            // the location only: Jackson's message may quote body text (message content, phone numbers)
            throw new MalformedWebhookException("webhook body is not valid JSON (" + where(e) + ")", e);
        } catch (IOException e) {
            throw new MalformedWebhookException("webhook body cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException(
                    "webhook body is not a JSON object (got " + (root == null ? "nothing" : root.getNodeType()) + ")", null);
        }

        String topic = text(root, "topic");
        JsonNode statusUpdate = root.get("statusUpdate");
        boolean deliveryStatus = topic != null
                ? ConnectlyWebhookEvent.TOPIC_DELIVERY_STATUS.equals(topic)
                : statusUpdate != null && statusUpdate.isObject();

        ConnectlyWebhookEvent event = deliveryStatus ? deliveryStatus(root, statusUpdate) : inboundMessage(root);
        event.setTopic(topic != null ? topic
                : deliveryStatus ? ConnectlyWebhookEvent.TOPIC_DELIVERY_STATUS : ConnectlyWebhookEvent.TOPIC_MESSAGES);
        event.setTimestamp(timestamp(root.get("timestamp")));
        event.setSender(party(root.get("sender")));
        event.setRecipient(party(root.get("recipient")));
        JsonNode callbackData = root.get("callbackData");
        event.setCallbackData(callbackData == null || callbackData.isNull() ? null : callbackData);
        event.setRawJson(new String(rawBody, StandardCharsets.UTF_8));
        return event;
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() != null
                ? "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                : e.getClass().getSimpleName();
    }

    private static DeliveryStatusEvent deliveryStatus(JsonNode root, JsonNode statusUpdate) throws MalformedWebhookException {
        DeliveryStatusEvent event = new DeliveryStatusEvent();
        if (statusUpdate != null && statusUpdate.isObject()) {
            event.setStatusUpdateId(text(statusUpdate, "id"));
            String status = text(statusUpdate, "status");
            event.setRawStatus(status);
            event.setStatus(DeliveryStatus.fromWire(status));
            JsonNode error = statusUpdate.get("error");
            if (error != null && error.isObject()) {
                try {
                    event.setError(ConnectlyJson.mapper().treeToValue(error, ErrorBody.class));
                } catch (JsonProcessingException e) {
                    throw new MalformedWebhookException("statusUpdate.error is not an error object (" + where(e) + ")", e);
                }
            }
        }
        JsonNode metadata = root.get("metadata");
        if (metadata != null && metadata.isObject()) {
            event.setMetadata(metadata);
            event.setCampaignName(text(metadata, "campaign_name"));
        }
        return event;
    }

    private static InboundMessageEvent inboundMessage(JsonNode root) {
        InboundMessageEvent event = new InboundMessageEvent();
        JsonNode message = object(root.get("message"));

        event.setId(InferredPayloadShapes.inboundMessageId(root, message));
        event.setText(text(message, "text"));
        event.setReplyToId(text(object(root.get("context")), "replyToId"));

        List<InboundMessageEvent.Attachment> attachments = attachments(message != null ? message.get("attachments") : null);
        if (attachments.isEmpty()) {
            // some old payloads put attachments (usually empty) at the top level
            attachments = attachments(root.get("attachments"));
        }
        event.setAttachments(attachments);

        JsonNode location = object(message != null ? message.get("location") : null);
        if (location == null) {
            location = object(root.get("location"));
        }
        if (location != null) {
            event.setLocation(new InboundMessageEvent.Location(
                    number(location, "latitude"), number(location, "longitude"), text(location, "name"),
                    text(location, "address")));
        }

        JsonNode button = object(root.get("buttonResponse"));
        if (button != null) {
            event.setButtonResponse(new InboundMessageEvent.ButtonResponse(text(button, "text"), text(button, "payload")));
        } else if (message != null && message.path("isButtonResponse").asBoolean(false)) {
            // legacy shape: the button's text in message.text, no payload
            event.setButtonResponse(new InboundMessageEvent.ButtonResponse(event.getText(), null));
        }
        event.setListResponse(InferredPayloadShapes.listResponse(root));
        event.setReaction(InferredPayloadShapes.reaction(root, message));

        JsonNode referral = object(message != null ? message.get("referral") : null);
        if (referral != null) {
            event.setReferral(new InboundMessageEvent.Referral(
                    text(referral, "ctwaClid"), text(referral, "sourceUrl"), text(referral, "sourceId"),
                    text(referral, "sourceType"), text(referral, "headline"), text(referral, "body"),
                    text(referral, "mediaType"), text(referral, "imageUrl"), text(referral, "videoUrl"),
                    text(referral, "thumbnailUrl")));
        }

        event.setType(typeOf(event));
        return event;
    }

    /** The most specific content wins: a button reply also carries text, a media message may carry a caption. */
    private static InboundMessageType typeOf(InboundMessageEvent event) {
        if (event.getReaction() != null) {
            return InboundMessageType.REACTION;
        } else if (event.getButtonResponse() != null) {
            return InboundMessageType.BUTTON_REPLY;
        } else if (event.getListResponse() != null) {
            return InboundMessageType.LIST_REPLY;
        } else if (event.getLocation() != null) {
            return InboundMessageType.LOCATION;
        } else if (!event.getAttachments().isEmpty()) {
            return InboundMessageType.MEDIA;
        } else if (event.getText() != null) {
            return InboundMessageType.TEXT;
        }
        return InboundMessageType.UNKNOWN;
    }

    private static List<InboundMessageEvent.Attachment> attachments(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<InboundMessageEvent.Attachment> result = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (item.isObject()) {
                result.add(new InboundMessageEvent.Attachment(
                        text(item, "type"), text(item, "url"), text(item, "caption"), text(item, "filename")));
            }
        }
        return result;
    }

    private static Party party(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Party party = new Party(text(node, "id"), text(node, "channelType"));
        party.setName(text(node, "name"));
        party.setUserId(text(node, "userId"));
        party.setPhoneNumber(text(node, "phoneNumber"));
        return party;
    }

    /** Unix seconds as a string (documented) or a number; milliseconds tolerated; null if unreadable. */
    static Instant timestamp(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        long value;
        if (node.isNumber()) {
            if (!node.canConvertToLong()) {
                throw new DateTimeException("timestamp out of range");
            }
            value = node.asLong();
        } else {
            try {
                value = Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        // Instant.ofEpochSecond throws DateTimeException beyond year +-1,000,000,000: parse() makes it a 400
        return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    static String text(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static Double number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }
}
