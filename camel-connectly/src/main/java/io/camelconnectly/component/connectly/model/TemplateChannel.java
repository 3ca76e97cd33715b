package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The channel a template belongs to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateChannel {

    private String id;
    private String externalId;
    private String channelType;

    public TemplateChannel() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public TemplateChannel withId(String id) {
        this.id = id;
        return this;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** Fluent setter of {@code externalId}. */
    public TemplateChannel withExternalId(String externalId) {
        this.externalId = externalId;
        return this;
    }

    public String getChannelType() {
        return channelType;
    }

    public void setChannelType(String channelType) {
        this.channelType = channelType;
    }

    /** Fluent setter of {@code channelType}. */
    public TemplateChannel withChannelType(String channelType) {
        this.channelType = channelType;
        return this;
    }
}
