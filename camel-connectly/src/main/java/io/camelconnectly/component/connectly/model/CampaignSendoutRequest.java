package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /send/campaigns}: one entry per flow invocation.
 * <p>
 * Where {@code options} goes is inferred (top level); {@link #allowDuplicates()} is the one place that sets it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CampaignSendoutRequest {

    private List<CampaignEntry> entries;
    /** Top-level placement is inferred. */
    private CampaignOptions options;

    public CampaignSendoutRequest() {
    }

    public List<CampaignEntry> getEntries() {
        return entries;
    }

    public void setEntries(List<CampaignEntry> entries) {
        this.entries = entries;
    }

    /** Fluent setter of {@code entries}. */
    public CampaignSendoutRequest withEntries(List<CampaignEntry> entries) {
        this.entries = entries;
        return this;
    }

    public CampaignOptions getOptions() {
        return options;
    }

    public void setOptions(CampaignOptions options) {
        this.options = options;
    }

    /** Fluent setter of {@code options}. */
    public CampaignSendoutRequest withOptions(CampaignOptions options) {
        this.options = options;
        return this;
    }

    /** Lets a customer receive the same campaign more than once. */
    public CampaignSendoutRequest allowDuplicates() {
        if (options == null) {
            options = new CampaignOptions();
        }
        options.setIfDuplicateCheckUnspecified(CampaignOptions.ALLOW_MULTIPLE);
        return this;
    }
}
