package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code DELETE /delete/webhooks/{webhookId}}: {@code {}} on success; {@link #getWebhookId()} is the id
 * that was deleted (set by the component, not sent by Connectly).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeleteWebhookResponse {

    /** Set by the component: the id that was deleted. */
    private String webhookId;

    public DeleteWebhookResponse() {
    }

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    /** Fluent setter of {@code webhookId}. */
    public DeleteWebhookResponse withWebhookId(String webhookId) {
        this.webhookId = webhookId;
        return this;
    }

    private java.util.Map<String, Object> additionalProperties;

    /** Fields this class does not model (kept so they are sent as given / read as received). */
    @com.fasterxml.jackson.annotation.JsonAnyGetter
    public java.util.Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @com.fasterxml.jackson.annotation.JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        if (additionalProperties == null) {
            additionalProperties = new java.util.LinkedHashMap<>();
        }
        additionalProperties.put(name, value);
    }
}
