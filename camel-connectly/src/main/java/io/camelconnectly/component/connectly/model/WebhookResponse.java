package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of create-webhook and update-webhook. Wrapper inferred: {@code {"entity": {...}}}; a bare registration
 * object is accepted too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookResponse {

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

    /** The registration: {@code entity}, or the answer itself when Connectly sent the bare object. */
    public Webhook webhook() {
        if (entity != null || additionalProperties == null) {
            return entity;
        }
        return io.camelconnectly.component.connectly.ConnectlyJson.mapper().convertValue(additionalProperties, Webhook.class);
    }
}
