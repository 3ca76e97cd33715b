package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code POST /send/campaigns}: one element per campaign.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CampaignSendoutResponse {

    private List<CampaignSendoutResult> data;

    public CampaignSendoutResponse() {
    }

    public List<CampaignSendoutResult> getData() {
        return data;
    }

    public void setData(List<CampaignSendoutResult> data) {
        this.data = data;
    }

    /** Fluent setter of {@code data}. */
    public CampaignSendoutResponse withData(List<CampaignSendoutResult> data) {
        this.data = data;
        return this;
    }

    @Override
    public String toString() {
        return "CampaignSendoutResponse[data=" + ModelText.items(data, CampaignSendoutResult::toString) + "]";
    }
}
