package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One template button. Shape inferred; only {@code url.url} is read (a {{1}} in it makes parameter button_N_url
 * required). Other button kinds are kept in {@link #getAdditionalProperties()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateButton extends OpenJsonObject {

    private TemplateUrlButton url;
    private TemplateText quickReply;

    public TemplateButton() {
    }

    public TemplateUrlButton getUrl() {
        return url;
    }

    public void setUrl(TemplateUrlButton url) {
        this.url = url;
    }

    /** Fluent setter of {@code url}. */
    public TemplateButton withUrl(TemplateUrlButton url) {
        this.url = url;
        return this;
    }

    public TemplateText getQuickReply() {
        return quickReply;
    }

    public void setQuickReply(TemplateText quickReply) {
        this.quickReply = quickReply;
    }

    /** Fluent setter of {@code quickReply}. */
    public TemplateButton withQuickReply(TemplateText quickReply) {
        this.quickReply = quickReply;
        return this;
    }
}
