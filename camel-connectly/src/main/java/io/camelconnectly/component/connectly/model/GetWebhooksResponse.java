package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code GET /webhooks}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GetWebhooksResponse {

    private WebhookList entity;

    public GetWebhooksResponse() {
    }

    public WebhookList getEntity() {
        return entity;
    }

    public void setEntity(WebhookList entity) {
        this.entity = entity;
    }

    /** Fluent setter of {@code entity}. */
    public GetWebhooksResponse withEntity(WebhookList entity) {
        this.entity = entity;
        return this;
    }

    /** All registrations, never null. */
    public List<Webhook> webhooks() {
        return entity == null || entity.getWebhooks() == null ? List.of() : entity.getWebhooks();
    }

    @Override
    public String toString() {
        return "GetWebhooksResponse[" + ModelText.items(webhooks(), Webhook::toString) + "]";
    }
}
