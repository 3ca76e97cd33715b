package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Footer of an interactive message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InteractiveFooter {

    private String text;

    public InteractiveFooter() {
    }

    public InteractiveFooter(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public InteractiveFooter withText(String text) {
        this.text = text;
        return this;
    }
}
