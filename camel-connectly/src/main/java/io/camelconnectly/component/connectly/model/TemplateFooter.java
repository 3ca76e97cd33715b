package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A template footer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateFooter {

    private TemplateText text;

    public TemplateFooter() {
    }

    public TemplateText getText() {
        return text;
    }

    public void setText(TemplateText text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public TemplateFooter withText(TemplateText text) {
        this.text = text;
        return this;
    }
}
