package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One message of a conversation as the chat page shows it: sent by the business (outbound) or by the simulated
 * customer (inbound).
 */
public final class ChatMessage {

    /** What kind of message it is, for display. */
    public enum Kind { TEXT, MEDIA, INTERACTIVE, LOCATION, TEMPLATE, CAMPAIGN, BUTTON_REPLY, LIST_REPLY, REACTION }

    private final String id;
    private final boolean outbound;
    private final String customer;
    private final Kind kind;
    private final String text;
    private final String replyToId;
    private final JsonNode callbackData;
    private final String campaignName;
    private final Instant at;
    private final long acceptedNanos;
    private final boolean failing;
    private final StatusTimeline timeline;

    ChatMessage(String id, boolean outbound, String customer, Kind kind, String text, String replyToId,
                JsonNode callbackData, String campaignName, Instant at, boolean failing, StatusTimeline timeline) {
        this.id = id;
        this.outbound = outbound;
        this.customer = customer;
        this.kind = kind;
        this.text = text;
        this.replyToId = replyToId;
        this.callbackData = callbackData;
        this.campaignName = campaignName;
        this.at = at;
        this.acceptedNanos = System.nanoTime();
        this.failing = failing;
        this.timeline = timeline;
    }

    /** The message id: for outbound messages the id the send returned (= statusUpdate.id). */
    public String id() {
        return id;
    }

    public boolean outbound() {
        return outbound;
    }

    public String customer() {
        return customer;
    }

    public Kind kind() {
        return kind;
    }

    /** The text shown in the chat (templates with their variables filled in). */
    public String text() {
        return text;
    }

    /** For replies and reactions: the id of the quoted outbound message. */
    public String replyToId() {
        return replyToId;
    }

    /** The callbackData the send carried (outbound) or echoed (inbound), or null. */
    public JsonNode callbackData() {
        return callbackData;
    }

    public String campaignName() {
        return campaignName;
    }

    /** Simulated time the message was accepted or written. */
    public Instant at() {
        return at;
    }

    /** The delivery status now, derived from the configured status delays (inbound messages: always READ). */
    public DeliveryStatus status() {
        if (!outbound) {
            return DeliveryStatus.READ;
        }
        return timeline.statusAfter(System.nanoTime() - acceptedNanos, failing);
    }

    @Override
    public String toString() {
        return (outbound ? "outbound " : "inbound ") + kind + " " + id + " " + customer + ": " + text;
    }
}
