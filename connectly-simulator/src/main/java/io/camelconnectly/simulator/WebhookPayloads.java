package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the webhook bodies Connectly posts. The one place for their shapes: delivery statuses and inbound text and
 * button replies follow the reference fixtures; list replies and reactions are inferred (reference §3.5) and may
 * change here.
 */
final class WebhookPayloads {

    private final ObjectMapper mapper;
    private final String channelType = "whatsapp";

    WebhookPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private ObjectNode party(String id, String name) {
        ObjectNode party = mapper.createObjectNode();
        party.put("id", id);
        party.put("channelType", channelType);
        if (name != null) {
            party.put("name", name);
        }
        return party;
    }

    /** A delivery_status event: the business is the sender, the customer the recipient. */
    ObjectNode deliveryStatus(long epochSeconds, String businessNumber, String businessName, String customer,
                              String customerName, String messageId, DeliveryStatus status, ObjectNode error,
                              String campaignName, JsonNode callbackData) {
        ObjectNode event = mapper.createObjectNode();
        event.put("topic", WebhookRegistry.TOPIC_DELIVERY_STATUS);
        event.put("timestamp", Long.toString(epochSeconds));
        event.set("sender", party(businessNumber, businessName));
        event.set("recipient", party(customer, customerName));
        ObjectNode update = event.putObject("statusUpdate");
        update.put("id", messageId);
        update.put("status", status.wireName());
        update.set("error", error == null ? mapper.nullNode() : error);
        if (campaignName != null) {
            event.putObject("metadata").put("campaign_name", campaignName);
        }
        if (callbackData != null) {
            event.set("callbackData", callbackData);
        }
        return event;
    }

    /** The envelope of a messages event: the customer is the sender, the business the recipient. */
    private ObjectNode inbound(long epochSeconds, String customer, String customerName, String businessNumber, String businessName) {
        ObjectNode event = mapper.createObjectNode();
        event.put("timestamp", Long.toString(epochSeconds));
        event.set("sender", party(customer, customerName));
        event.set("recipient", party(businessNumber, businessName));
        return event;
    }

    ObjectNode inboundText(long epochSeconds, String customer, String customerName, String businessNumber,
                           String businessName, String text) {
        ObjectNode event = inbound(epochSeconds, customer, customerName, businessNumber, businessName);
        event.putObject("message").put("text", text);
        return event;
    }

    ObjectNode buttonReply(long epochSeconds, String customer, String customerName, String businessNumber,
                           String businessName, String replyToId, String text, String payload, JsonNode callbackData) {
        ObjectNode event = inbound(epochSeconds, customer, customerName, businessNumber, businessName);
        event.putObject("context").put("replyToId", replyToId);
        ObjectNode response = event.putObject("buttonResponse");
        response.put("text", text);
        response.put("payload", payload);
        withCallbackData(event, callbackData);
        return event;
    }

    /** Inferred shape: context.replyToId + listResponse {id, title, description}. */
    ObjectNode listReply(long epochSeconds, String customer, String customerName, String businessNumber,
                         String businessName, String replyToId, String rowId, String title, String description,
                         JsonNode callbackData) {
        ObjectNode event = inbound(epochSeconds, customer, customerName, businessNumber, businessName);
        event.putObject("context").put("replyToId", replyToId);
        ObjectNode response = event.putObject("listResponse");
        response.put("id", rowId);
        response.put("title", title);
        response.put("description", description == null ? "" : description);
        withCallbackData(event, callbackData);
        return event;
    }

    /** Inferred shape: context.replyToId + message.reaction {emoji}. */
    ObjectNode reaction(long epochSeconds, String customer, String customerName, String businessNumber,
                        String businessName, String replyToId, String emoji, JsonNode callbackData) {
        ObjectNode event = inbound(epochSeconds, customer, customerName, businessNumber, businessName);
        event.putObject("context").put("replyToId", replyToId);
        event.putObject("message").putObject("reaction").put("emoji", emoji);
        withCallbackData(event, callbackData);
        return event;
    }

    private static void withCallbackData(ObjectNode event, JsonNode callbackData) {
        if (callbackData != null) {
            event.set("callbackData", callbackData);
        }
    }

    /** The error object inside a delivery_failed status (reference §1.1 shape). */
    ObjectNode undeliverableError() {
        ObjectNode error = mapper.createObjectNode();
        error.put("message", "Message undeliverable");
        error.put("type", ApiError.TYPE_INVALID_REQUEST);
        error.put("code", "ERROR_CODE_MESSAGE_UNDELIVERABLE");
        error.put("userTitle", "The message could not be delivered to this WhatsApp number");
        error.put("userMessage", "Pass along the connectly trace id 'cnct_trace_id' to the team for more information.");
        error.put("cntTraceId", Ids.traceId());
        error.putObject("details");
        return error;
    }
}
