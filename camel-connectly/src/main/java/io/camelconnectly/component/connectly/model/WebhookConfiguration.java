package io.camelconnectly.component.connectly.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Configuration of a webhook registration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookConfiguration {

    /** Also post our outbound messages to this hook. */
    private Boolean echo;
    private List<String> channelTypes;
    private List<WebhookFilter> filters;
    private Map<String, Object> webengageConfiguration;

    public WebhookConfiguration() {
    }

    public Boolean getEcho() {
        return echo;
    }

    public void setEcho(Boolean echo) {
        this.echo = echo;
    }

    /** Fluent setter of {@code echo}. */
    public WebhookConfiguration withEcho(Boolean echo) {
        this.echo = echo;
        return this;
    }

    public List<String> getChannelTypes() {
        return channelTypes;
    }

    public void setChannelTypes(List<String> channelTypes) {
        this.channelTypes = channelTypes;
    }

    /** Fluent setter of {@code channelTypes}. */
    public WebhookConfiguration withChannelTypes(List<String> channelTypes) {
        this.channelTypes = channelTypes;
        return this;
    }

    public List<WebhookFilter> getFilters() {
        return filters;
    }

    public void setFilters(List<WebhookFilter> filters) {
        this.filters = filters;
    }

    /** Fluent setter of {@code filters}. */
    public WebhookConfiguration withFilters(List<WebhookFilter> filters) {
        this.filters = filters;
        return this;
    }

    public Map<String, Object> getWebengageConfiguration() {
        return webengageConfiguration;
    }

    public void setWebengageConfiguration(Map<String, Object> webengageConfiguration) {
        this.webengageConfiguration = webengageConfiguration;
    }

    /** Fluent setter of {@code webengageConfiguration}. */
    public WebhookConfiguration withWebengageConfiguration(Map<String, Object> webengageConfiguration) {
        this.webengageConfiguration = webengageConfiguration;
        return this;
    }
}
