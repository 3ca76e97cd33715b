package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Text of a template component with example values of its variables.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateText {

    private String text;
    private List<String> example;

    public TemplateText() {
    }

    public TemplateText(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public TemplateText withText(String text) {
        this.text = text;
        return this;
    }

    public List<String> getExample() {
        return example;
    }

    public void setExample(List<String> example) {
        this.example = example;
    }

    /** Fluent setter of {@code example}. */
    public TemplateText withExample(List<String> example) {
        this.example = example;
        return this;
    }
}
