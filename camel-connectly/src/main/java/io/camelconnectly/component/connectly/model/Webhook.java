package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook registration: one address per topic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Webhook {

    /** Needed by updateWebhook and deleteWebhook. */
    private String id;
    /** messages or delivery_status. */
    private String topic;
    private String address;
    /** custom (default), zapier, webengage, integromat_make. */
    private String type;
    private WebhookConfiguration configuration;

    public Webhook() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public Webhook withId(String id) {
        this.id = id;
        return this;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** Fluent setter of {@code topic}. */
    public Webhook withTopic(String topic) {
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
    public Webhook withAddress(String address) {
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
    public Webhook withType(String type) {
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
    public Webhook withConfiguration(WebhookConfiguration configuration) {
        this.configuration = configuration;
        return this;
    }

    /** The address with any credentials masked; the configuration is left out (it may hold a WebEngage key). */
    @Override
    public String toString() {
        return "Webhook[id=" + id + ", topic=" + topic + ", address="
               + (address == null ? null : org.apache.camel.util.URISupport.sanitizeUri(address))
               + (type != null ? ", type=" + type : "") + "]";
    }
}
