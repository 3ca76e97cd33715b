package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation as the chat page shows it: sent by the business (outbound) or by the simulated
 * customer (inbound).
 */
public final class ChatMessage {

    /** What kind of message it is, for display. */
    public enum Kind { TEXT, MEDIA, INTERACTIVE, LOCATION, TEMPLATE, CAMPAIGN, BUTTON_REPLY, LIST_REPLY, REACTION }

    /**
     * Something the customer can tap in an outbound message: a quick-reply button of a template, a button of a
     * reply-button message, or a row of a list message.
     *
     * @param type        a button or a list row
     * @param id          what the reply carries back: {@code buttonResponse.payload} for a button (the button id of
     *                    a reply-button message; the button text for a template quick reply, as WhatsApp does when the
     *                    send gave no payload), {@code listResponse.id} for a row
     * @param title       the text shown
     * @param description a row's description, "" for buttons
     */
    public record ReplyOption(Type type, String id, String title, String description) {
        public enum Type { BUTTON, LIST_ROW }
    }

    private final String id;
    private final boolean outbound;
    private final String customer;
    private final String businessNumber;
    private final Kind kind;
    private final String text;
    private final String replyToId;
    private final JsonNode callbackData;
    private final String campaignName;
    private final Instant at;
    private final long acceptedNanos;
    private final boolean failing;
    private final StatusTimeline timeline;
    private final List<ReplyOption> replyOptions;
    private final boolean automatic;

    ChatMessage(String id, boolean outbound, String customer, String businessNumber, Kind kind, String text,
                String replyToId, JsonNode callbackData, String campaignName, Instant at, boolean failing,
                StatusTimeline timeline, List<ReplyOption> replyOptions, boolean automatic) {
        this.replyOptions = List.copyOf(replyOptions);
        this.automatic = automatic;
        this.id = id;
        this.outbound = outbound;
        this.customer = customer;
        this.businessNumber = businessNumber;
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

    /**
     * The business's WhatsApp number on the other side: the number an outbound message went out from, or the number
     * the customer wrote to.
     */
    public String businessNumber() {
        return businessNumber;
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

    /** What the customer can tap in this (outbound) message, in order; empty for most messages. */
    public List<ReplyOption> replyOptions() {
        return replyOptions;
    }

    /** Whether a simulated customer sent this inbound message by itself (auto-reply), not a test or a person. */
    public boolean automatic() {
        return automatic;
    }

    /** Whether this message ends in delivery_failed. */
    boolean failing() {
        return failing;
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
        return (outbound ? "outbound " : "inbound ") + kind + " " + id + " " + customer
                + (outbound ? " from " : " to ") + businessNumber + ": " + text;
    }
}
