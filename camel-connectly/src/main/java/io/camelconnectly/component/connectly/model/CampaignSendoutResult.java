package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcome for one campaign of a sendout: {@code status} created or updated, accepted/rejected counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CampaignSendoutResult {

    private String campaignId;
    private String campaignName;
    private String campaignVersion;
    private String sendoutId;
    /** created on the first call, updated when sent again. */
    private String status;
    private Integer acceptedCount;
    private Integer rejectedCount;
    private ErrorBody error;

    public CampaignSendoutResult() {
    }

    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }

    /** Fluent setter of {@code campaignId}. */
    public CampaignSendoutResult withCampaignId(String campaignId) {
        this.campaignId = campaignId;
        return this;
    }

    public String getCampaignName() {
        return campaignName;
    }

    public void setCampaignName(String campaignName) {
        this.campaignName = campaignName;
    }

    /** Fluent setter of {@code campaignName}. */
    public CampaignSendoutResult withCampaignName(String campaignName) {
        this.campaignName = campaignName;
        return this;
    }

    public String getCampaignVersion() {
        return campaignVersion;
    }

    public void setCampaignVersion(String campaignVersion) {
        this.campaignVersion = campaignVersion;
    }

    /** Fluent setter of {@code campaignVersion}. */
    public CampaignSendoutResult withCampaignVersion(String campaignVersion) {
        this.campaignVersion = campaignVersion;
        return this;
    }

    public String getSendoutId() {
        return sendoutId;
    }

    public void setSendoutId(String sendoutId) {
        this.sendoutId = sendoutId;
    }

    /** Fluent setter of {@code sendoutId}. */
    public CampaignSendoutResult withSendoutId(String sendoutId) {
        this.sendoutId = sendoutId;
        return this;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Fluent setter of {@code status}. */
    public CampaignSendoutResult withStatus(String status) {
        this.status = status;
        return this;
    }

    public Integer getAcceptedCount() {
        return acceptedCount;
    }

    public void setAcceptedCount(Integer acceptedCount) {
        this.acceptedCount = acceptedCount;
    }

    /** Fluent setter of {@code acceptedCount}. */
    public CampaignSendoutResult withAcceptedCount(Integer acceptedCount) {
        this.acceptedCount = acceptedCount;
        return this;
    }

    public Integer getRejectedCount() {
        return rejectedCount;
    }

    public void setRejectedCount(Integer rejectedCount) {
        this.rejectedCount = rejectedCount;
    }

    /** Fluent setter of {@code rejectedCount}. */
    public CampaignSendoutResult withRejectedCount(Integer rejectedCount) {
        this.rejectedCount = rejectedCount;
        return this;
    }

    public ErrorBody getError() {
        return error;
    }

    public void setError(ErrorBody error) {
        this.error = error;
    }

    /** Fluent setter of {@code error}. */
    public CampaignSendoutResult withError(ErrorBody error) {
        this.error = error;
        return this;
    }

    @Override
    public String toString() {
        return "CampaignSendoutResult[campaignName=" + campaignName + ", sendoutId=" + sendoutId + ", status=" + status
               + ", acceptedCount=" + acceptedCount + ", rejectedCount=" + rejectedCount + (error != null ? ", error=" + error : "")
               + "]";
    }
}
