package io.camelconnectly.component.connectly.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One campaign sendout entry: a (client, campaign) pair with its flow variables.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CampaignEntry {

    /** Recipient in E.164. */
    private String client;
    /** Name as shown in Flow Builder. */
    private String campaignName;
    /** Business number in E.164. */
    private String sender;
    /** Flow variables. */
    private Map<String, String> variables;
    private String campaignVersion;
    /** ISO-8601 (alpha). */
    private String scheduledAt;

    public CampaignEntry() {
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    /** Fluent setter of {@code client}. */
    public CampaignEntry withClient(String client) {
        this.client = client;
        return this;
    }

    public String getCampaignName() {
        return campaignName;
    }

    public void setCampaignName(String campaignName) {
        this.campaignName = campaignName;
    }

    /** Fluent setter of {@code campaignName}. */
    public CampaignEntry withCampaignName(String campaignName) {
        this.campaignName = campaignName;
        return this;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    /** Fluent setter of {@code sender}. */
    public CampaignEntry withSender(String sender) {
        this.sender = sender;
        return this;
    }

    public Map<String, String> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, String> variables) {
        this.variables = variables;
    }

    /** Fluent setter of {@code variables}. */
    public CampaignEntry withVariables(Map<String, String> variables) {
        this.variables = variables;
        return this;
    }

    public String getCampaignVersion() {
        return campaignVersion;
    }

    public void setCampaignVersion(String campaignVersion) {
        this.campaignVersion = campaignVersion;
    }

    /** Fluent setter of {@code campaignVersion}. */
    public CampaignEntry withCampaignVersion(String campaignVersion) {
        this.campaignVersion = campaignVersion;
        return this;
    }

    public String getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(String scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    /** Fluent setter of {@code scheduledAt}. */
    public CampaignEntry withScheduledAt(String scheduledAt) {
        this.scheduledAt = scheduledAt;
        return this;
    }
}
