package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A template body: text with {{1}}, {{2}}, ... variables.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateBody {

    private TemplateText text;

    public TemplateBody() {
    }

    public TemplateText getText() {
        return text;
    }

    public void setText(TemplateText text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public TemplateBody withText(TemplateText text) {
        this.text = text;
        return this;
    }
}
