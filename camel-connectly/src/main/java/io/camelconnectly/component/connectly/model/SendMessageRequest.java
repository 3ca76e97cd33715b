package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /send/messages}: a session (free-form) message inside the customer's 24-hour window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SendMessageRequest {

    /** The business number to send from (id E.164, channelType whatsapp); only needed with several numbers. */
    private Party sender;
    /** The customer (id E.164 or BSUID, channelType whatsapp). */
    private Party recipient;
    /** The content: exactly one kind (text, attachments, location, list or reply buttons). */
    private SessionMessage message;
    /** Any JSON value (at most 1024 bytes) Connectly echoes in the related webhooks. */
    private Object callbackData;
    /** Analytics tag. */
    private String campaignName;

    public SendMessageRequest() {
    }

    public Party getSender() {
        return sender;
    }

    public void setSender(Party sender) {
        this.sender = sender;
    }

    /** Fluent setter of {@code sender}. */
    public SendMessageRequest withSender(Party sender) {
        this.sender = sender;
        return this;
    }

    public Party getRecipient() {
        return recipient;
    }

    public void setRecipient(Party recipient) {
        this.recipient = recipient;
    }

    /** Fluent setter of {@code recipient}. */
    public SendMessageRequest withRecipient(Party recipient) {
        this.recipient = recipient;
        return this;
    }

    public SessionMessage getMessage() {
        return message;
    }

    public void setMessage(SessionMessage message) {
        this.message = message;
    }

    /** Fluent setter of {@code message}. */
    public SendMessageRequest withMessage(SessionMessage message) {
        this.message = message;
        return this;
    }

    public Object getCallbackData() {
        return callbackData;
    }

    public void setCallbackData(Object callbackData) {
        this.callbackData = callbackData;
    }

    /** Fluent setter of {@code callbackData}. */
    public SendMessageRequest withCallbackData(Object callbackData) {
        this.callbackData = callbackData;
        return this;
    }

    public String getCampaignName() {
        return campaignName;
    }

    public void setCampaignName(String campaignName) {
        this.campaignName = campaignName;
    }

    /** Fluent setter of {@code campaignName}. */
    public SendMessageRequest withCampaignName(String campaignName) {
        this.campaignName = campaignName;
        return this;
    }
}
