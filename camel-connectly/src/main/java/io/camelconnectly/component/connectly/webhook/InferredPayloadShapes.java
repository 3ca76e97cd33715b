package io.camelconnectly.component.connectly.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import static io.camelconnectly.component.connectly.webhook.WebhookEventParser.text;

/**
 * The webhook shapes Connectly does not document, guessed by analogy (connectly-api.md §3.5, "inferred"). They are
 * kept here, and only here, so that fixing them after checking a live account is a change to this one class.
 */
final class InferredPayloadShapes {

    /** List reply: top-level {@code "listResponse": {"id", "title", "description"}}, like buttonResponse. */
    static final String LIST_RESPONSE = "listResponse";
    static final String LIST_ROW_ID = "id";
    static final String LIST_ROW_TITLE = "title";
    static final String LIST_ROW_DESCRIPTION = "description";

    /** Reaction: {@code "message": {"reaction": {"emoji", "messageId"?}}} or a top-level {@code "reaction"} object. */
    static final String REACTION = "reaction";
    static final String REACTION_EMOJI = "emoji";
    static final String REACTION_MESSAGE_ID = "messageId";

    /**
     * Inbound message id: {@code "message": {"id"}} (as on sends, where {@code message.id} is the message's id), else a
     * top-level {@code "id"}. Connectly documents no id on inbound messages; when one is there, it identifies the event
     * for deduplication better than the body's bytes.
     */
    static final String INBOUND_MESSAGE_ID = "id";

    private InferredPayloadShapes() {
    }

    static String inboundMessageId(JsonNode root, JsonNode message) {
        String id = message != null ? text(message, INBOUND_MESSAGE_ID) : null;
        if (id == null || id.isBlank()) {
            id = text(root, INBOUND_MESSAGE_ID);
        }
        return id == null || id.isBlank() ? null : id;
    }

    static InboundMessageEvent.ListResponse listResponse(JsonNode root) {
        JsonNode node = root.get(LIST_RESPONSE);
        if (node == null || !node.isObject()) {
            return null;
        }
        return new InboundMessageEvent.ListResponse(
                text(node, LIST_ROW_ID), text(node, LIST_ROW_TITLE), text(node, LIST_ROW_DESCRIPTION));
    }

    static InboundMessageEvent.Reaction reaction(JsonNode root, JsonNode message) {
        JsonNode node = message != null ? message.get(REACTION) : null;
        if (node == null || !node.isObject()) {
            node = root.get(REACTION);
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        return new InboundMessageEvent.Reaction(text(node, REACTION_EMOJI), text(node, REACTION_MESSAGE_ID));
    }
}
