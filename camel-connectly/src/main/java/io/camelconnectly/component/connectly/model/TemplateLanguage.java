package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A template language: {@code {"code": "en_US"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateLanguage {

    private String code;

    public TemplateLanguage() {
    }

    public TemplateLanguage(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** Fluent setter of {@code code}. */
    public TemplateLanguage withCode(String code) {
        this.code = code;
        return this;
    }
}
