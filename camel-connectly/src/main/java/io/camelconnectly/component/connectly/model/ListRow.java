package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A selectable row of an interactive list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListRow {

    private String id;
    private String text;
    private String description;

    public ListRow() {
    }

    public ListRow(String id, String text, String description) {
        this.id = id;
        this.text = text;
        this.description = description;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public ListRow withId(String id) {
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
    public ListRow withText(String text) {
        this.text = text;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Fluent setter of {@code description}. */
    public ListRow withDescription(String description) {
        this.description = description;
        return this;
    }
}
