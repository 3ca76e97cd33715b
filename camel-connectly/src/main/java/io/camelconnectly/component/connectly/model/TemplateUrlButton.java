package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A URL button: the URL may end in a {{1}} variable filled by parameter button_N_url.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateUrlButton {

    private String text;
    private String url;
    private List<String> example;

    public TemplateUrlButton() {
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public TemplateUrlButton withText(String text) {
        this.text = text;
        return this;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Fluent setter of {@code url}. */
    public TemplateUrlButton withUrl(String url) {
        this.url = url;
        return this;
    }

    public List<String> getExample() {
        return example;
    }

    public void setExample(List<String> example) {
        this.example = example;
    }

    /** Fluent setter of {@code example}. */
    public TemplateUrlButton withExample(List<String> example) {
        this.example = example;
        return this;
    }
}
