package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of create-webhook and update-webhook. Wrapper inferred: {@code {"entity": {...}}}; a bare registration
 * object is accepted too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookResponse extends OpenJsonObject {

    private Webhook entity;

    public WebhookResponse() {
    }

    public Webhook getEntity() {
        return entity;
    }

    public void setEntity(Webhook entity) {
        this.entity = entity;
    }

    /** Fluent setter of {@code entity}. */
    public WebhookResponse withEntity(Webhook entity) {
        this.entity = entity;
        return this;
    }

    /** The registration: {@code entity}, or the answer itself when Connectly sent the bare object. */
    public Webhook webhook() {
        if (entity != null || getAdditionalProperties() == null) {
            return entity;
        }
        return io.camelconnectly.component.connectly.ConnectlyJson.mapper().convertValue(getAdditionalProperties(), Webhook.class);
    }

    @Override
    public String toString() {
        return "WebhookResponse[" + webhook() + "]";
    }
}
