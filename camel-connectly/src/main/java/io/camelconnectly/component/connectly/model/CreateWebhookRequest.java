package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /create/webhooks}. A topic has one address: Connectly answers 409 when the topic is
 * registered already; use updateWebhook then (getWebhooks gives the id).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreateWebhookRequest {

    public static final String TOPIC_MESSAGES = "messages";
    public static final String TOPIC_DELIVERY_STATUS = "delivery_status";

    /** messages or delivery_status. */
    private String topic;
    /** Public HTTPS URL. */
    private String address;
    /** Optional, default custom. */
    private String type;
    private WebhookConfiguration configuration;

    public CreateWebhookRequest() {
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** Fluent setter of {@code topic}. */
    public CreateWebhookRequest withTopic(String topic) {
        this.topic = topic;
        return this;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Fluent setter of {@code address}. */
    public CreateWebhookRequest withAddress(String address) {
        this.address = address;
        return this;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Fluent setter of {@code type}. */
    public CreateWebhookRequest withType(String type) {
        this.type = type;
        return this;
    }

    public WebhookConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WebhookConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Fluent setter of {@code configuration}. */
    public CreateWebhookRequest withConfiguration(WebhookConfiguration configuration) {
        this.configuration = configuration;
        return this;
    }
}
