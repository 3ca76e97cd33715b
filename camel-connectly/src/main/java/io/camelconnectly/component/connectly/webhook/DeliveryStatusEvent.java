package io.camelconnectly.component.connectly.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * Topic {@code delivery_status}: what happened to a message the business sent. {@link #getStatusUpdateId()} equals
 * the id the send returned. The business is the sender, the customer the recipient.
 */
public class DeliveryStatusEvent extends ConnectlyWebhookEvent {

    private String statusUpdateId;
    private DeliveryStatus status = DeliveryStatus.UNKNOWN;
    private String rawStatus;
    private ErrorBody error;
    private String campaignName;
    private JsonNode metadata;

    /** {@code statusUpdate.id}: the id of the sent message. */
    public String getStatusUpdateId() {
        return statusUpdateId;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    /** {@code statusUpdate.status} as Connectly wrote it (useful when {@link #getStatus()} is UNKNOWN). */
    public String getRawStatus() {
        return rawStatus;
    }

    /** {@code statusUpdate.error}: why a {@code delivery_failed} message failed; null otherwise. */
    public ErrorBody getError() {
        return error;
    }

    /** {@code metadata.campaign_name}: the campaign name the send carried, or null. */
    public String getCampaignName() {
        return campaignName;
    }

    /** The whole {@code metadata} object, or null. */
    public JsonNode getMetadata() {
        return metadata;
    }

    @Override
    public String getEventType() {
        return status.wireValue();
    }

    @Override
    public String getCustomerNumber() {
        return idOf(getRecipient());
    }

    @Override
    public String getBusinessNumber() {
        return idOf(getSender());
    }

    @Override
    public String getMessageId() {
        return statusUpdateId;
    }

    void setStatusUpdateId(String statusUpdateId) {
        this.statusUpdateId = statusUpdateId;
    }

    void setStatus(DeliveryStatus status) {
        this.status = status;
    }

    void setRawStatus(String rawStatus) {
        this.rawStatus = rawStatus;
    }

    void setError(ErrorBody error) {
        this.error = error;
    }

    void setCampaignName(String campaignName) {
        this.campaignName = campaignName;
    }

    void setMetadata(JsonNode metadata) {
        this.metadata = metadata;
    }

    /** Ids and status only: the event also holds phone numbers, which do not belong in logs. */
    @Override
    public String toString() {
        return "DeliveryStatusEvent[statusUpdateId=" + statusUpdateId + ", status=" + getEventType()
               + (error != null ? ", error=" + error.getCode() : "") + "]";
    }
}
