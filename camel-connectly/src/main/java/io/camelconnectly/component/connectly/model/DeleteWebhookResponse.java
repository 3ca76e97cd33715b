package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code DELETE /delete/webhooks/{webhookId}}: {@code {}} on success; {@link #getWebhookId()} is the id
 * that was deleted (set by the component, not sent by Connectly).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeleteWebhookResponse extends OpenJsonObject {

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

    @Override
    public String toString() {
        return "DeleteWebhookResponse[webhookId=" + webhookId + "]";
    }
}
