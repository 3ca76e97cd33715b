package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Options of a campaign sendout.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CampaignOptions {

    public static final String ALLOW_MULTIPLE = "allow_multiple";

    /** allow_multiple lets a customer get the same campaign again. */
    @JsonProperty("if_duplicate_check_unspecified")
    private String ifDuplicateCheckUnspecified;

    public CampaignOptions() {
    }

    @JsonProperty("if_duplicate_check_unspecified")
    public String getIfDuplicateCheckUnspecified() {
        return ifDuplicateCheckUnspecified;
    }

    @JsonProperty("if_duplicate_check_unspecified")
    public void setIfDuplicateCheckUnspecified(String ifDuplicateCheckUnspecified) {
        this.ifDuplicateCheckUnspecified = ifDuplicateCheckUnspecified;
    }

    /** Fluent setter of {@code if_duplicate_check_unspecified}. */
    public CampaignOptions withIfDuplicateCheckUnspecified(String ifDuplicateCheckUnspecified) {
        this.ifDuplicateCheckUnspecified = ifDuplicateCheckUnspecified;
        return this;
    }
}
