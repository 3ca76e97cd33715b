package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A button of an interactive message: {@code id} comes back in the reply webhook, {@code text} is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InteractiveButton {

    private String id;
    private String text;

    public InteractiveButton() {
    }

    public InteractiveButton(String id, String text) {
        this.id = id;
        this.text = text;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public InteractiveButton withId(String id) {
        this.id = id;
        return this;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public InteractiveButton withText(String text) {
        this.text = text;
        return this;
    }
}
