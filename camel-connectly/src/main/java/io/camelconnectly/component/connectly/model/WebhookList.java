package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code entity} of the get-webhooks answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookList {

    private String businessId;
    private List<Webhook> webhooks;

    public WebhookList() {
    }

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    /** Fluent setter of {@code businessId}. */
    public WebhookList withBusinessId(String businessId) {
        this.businessId = businessId;
        return this;
    }

    public List<Webhook> getWebhooks() {
        return webhooks;
    }

    public void setWebhooks(List<Webhook> webhooks) {
        this.webhooks = webhooks;
    }

    /** Fluent setter of {@code webhooks}. */
    public WebhookList withWebhooks(List<Webhook> webhooks) {
        this.webhooks = webhooks;
        return this;
    }
}
