package io.camelconnectly.component.connectly.webhook;

import java.util.Collections;
import java.util.List;

/**
 * Topic {@code messages}: a customer wrote to the business. The customer is the sender, the business the recipient.
 * {@link #getType()} says which of the content getters is filled; {@link #getReplyToId()} is set when the customer
 * answered or quoted one of our messages (then {@link #getCallbackData()} is usually echoed too).
 */
public class InboundMessageEvent extends ConnectlyWebhookEvent {

    private String id;
    private InboundMessageType type = InboundMessageType.UNKNOWN;
    private String text;
    private List<Attachment> attachments = Collections.emptyList();
    private Location location;
    private ButtonResponse buttonResponse;
    private ListResponse listResponse;
    private Reaction reaction;
    private String replyToId;
    private Referral referral;

    /**
     * The inbound message's own id when the payload carries one ({@code message.id}, else a top-level {@code id}), else
     * null. Connectly does not document such an id: the shape is inferred (see InferredPayloadShapes). When present it
     * is the deduplication key.
     */
    public String getId() {
        return id;
    }

    public InboundMessageType getType() {
        return type;
    }

    /** {@code message.text}: the text, or the caption-less text of a quoted reply; null when none. */
    public String getText() {
        return text;
    }

    /** {@code message.attachments}: media the customer sent; empty when none. */
    public List<Attachment> getAttachments() {
        return attachments;
    }

    public Location getLocation() {
        return location;
    }

    /**
     * The reply button the customer pressed: {@code buttonResponse {text, payload}}, or the legacy shape
     * {@code message {text, isButtonResponse: true}} (then the payload is null).
     */
    public ButtonResponse getButtonResponse() {
        return buttonResponse;
    }

    /** The list row the customer picked. The wire shape is inferred (not documented by Connectly). */
    public ListResponse getListResponse() {
        return listResponse;
    }

    /** The emoji reaction. The wire shape is inferred (not documented by Connectly). */
    public Reaction getReaction() {
        return reaction;
    }

    /** {@code context.replyToId}: the id of our message the customer replied to or quoted, or null. */
    public String getReplyToId() {
        return replyToId;
    }

    /** {@code message.referral}: the click-to-WhatsApp ad the conversation came from, or null. */
    public Referral getReferral() {
        return referral;
    }

    @Override
    public String getEventType() {
        return type.headerValue();
    }

    @Override
    public String getCustomerNumber() {
        return idOf(getSender());
    }

    @Override
    public String getBusinessNumber() {
        return idOf(getRecipient());
    }

    @Override
    public String getMessageId() {
        return replyToId;
    }

    void setId(String id) {
        this.id = id;
    }

    void setType(InboundMessageType type) {
        this.type = type;
    }

    void setText(String text) {
        this.text = text;
    }

    void setAttachments(List<Attachment> attachments) {
        this.attachments = attachments == null ? Collections.emptyList() : Collections.unmodifiableList(attachments);
    }

    void setLocation(Location location) {
        this.location = location;
    }

    void setButtonResponse(ButtonResponse buttonResponse) {
        this.buttonResponse = buttonResponse;
    }

    void setListResponse(ListResponse listResponse) {
        this.listResponse = listResponse;
    }

    void setReaction(Reaction reaction) {
        this.reaction = reaction;
    }

    void setReplyToId(String replyToId) {
        this.replyToId = replyToId;
    }

    void setReferral(Referral referral) {
        this.referral = referral;
    }

    /** Type and ids only: the event also holds phone numbers and message text, which do not belong in logs. */
    @Override
    public String toString() {
        return "InboundMessageEvent[type=" + getEventType() + (id != null ? ", id=" + id : "")
               + (replyToId != null ? ", replyToId=" + replyToId : "") + "]";
    }

    /** One media item: {@code {type, url, caption, filename}}; type is image, video, audio, document (or others). */
    public record Attachment(String type, String url, String caption, String filename) {
    }

    /** A location pin: {@code {latitude, longitude, name, address}}. */
    public record Location(Double latitude, Double longitude, String name, String address) {
    }

    /** A pressed reply button: {@code {text, payload}}; payload is the button id we sent. */
    public record ButtonResponse(String text, String payload) {
    }

    /** A picked list row: {@code {id, title, description}} (inferred shape). */
    public record ListResponse(String id, String title, String description) {
    }

    /** A reaction: the emoji and, when given, the id of the message reacted to (inferred shape). */
    public record Reaction(String emoji, String messageId) {
    }

    /** The click-to-WhatsApp ad a conversation started from. */
    public record Referral(String ctwaClid, String sourceUrl, String sourceId, String sourceType, String headline,
            String body, String mediaType, String imageUrl, String videoUrl, String thumbnailUrl) {
    }
}
