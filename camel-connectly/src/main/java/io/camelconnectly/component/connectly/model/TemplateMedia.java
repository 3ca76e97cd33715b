package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Media of a template header: {@code type} TYPE_IMAGE, TYPE_VIDEO or TYPE_DOCUMENT, with example URLs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMedia {

    private String type;
    private List<String> example;

    public TemplateMedia() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Fluent setter of {@code type}. */
    public TemplateMedia withType(String type) {
        this.type = type;
        return this;
    }

    public List<String> getExample() {
        return example;
    }

    public void setExample(List<String> example) {
        this.example = example;
    }

    /** Fluent setter of {@code example}. */
    public TemplateMedia withExample(List<String> example) {
        this.example = example;
        return this;
    }
}
