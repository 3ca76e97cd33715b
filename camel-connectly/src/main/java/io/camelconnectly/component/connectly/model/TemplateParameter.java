package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One template variable: {@code name} (body_1, header_text, header_image, button_1_url, ...) and its value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateParameter {

    private String name;
    private String value;

    public TemplateParameter() {
    }

    public TemplateParameter(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter of {@code name}. */
    public TemplateParameter withName(String name) {
        this.name = name;
        return this;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** Fluent setter of {@code value}. */
    public TemplateParameter withValue(String value) {
        this.value = value;
        return this;
    }
}
