package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code PUT /update/webhooks/{webhookId}}: a partial update; the topic cannot change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpdateWebhookRequest {

    private String address;
    private WebhookConfiguration configuration;

    public UpdateWebhookRequest() {
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Fluent setter of {@code address}. */
    public UpdateWebhookRequest withAddress(String address) {
        this.address = address;
        return this;
    }

    public WebhookConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WebhookConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Fluent setter of {@code configuration}. */
    public UpdateWebhookRequest withConfiguration(WebhookConfiguration configuration) {
        this.configuration = configuration;
        return this;
    }
}
