package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /create/template}. There is no edit endpoint: create a new template name (or edit it
 * in Meta's WhatsApp Manager) instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreateTemplateRequest {

    public static final String CATEGORY_MARKETING = "MESSAGE_TEMPLATE_GROUP_CATEGORY_MARKETING";
    public static final String CATEGORY_UTILITY = "MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY";
    public static final String CATEGORY_AUTHENTICATION = "MESSAGE_TEMPLATE_GROUP_CATEGORY_AUTHENTICATION";

    private String name;
    private TemplateLanguage language;
    /** MESSAGE_TEMPLATE_GROUP_CATEGORY_MARKETING, _UTILITY or _AUTHENTICATION. */
    private String category;
    /** snake_case on the wire. */
    @JsonProperty("template_components")
    private List<TemplateComponent> templateComponents;

    public CreateTemplateRequest() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter of {@code name}. */
    public CreateTemplateRequest withName(String name) {
        this.name = name;
        return this;
    }

    public TemplateLanguage getLanguage() {
        return language;
    }

    public void setLanguage(TemplateLanguage language) {
        this.language = language;
    }

    /** Fluent setter of {@code language}. */
    public CreateTemplateRequest withLanguage(TemplateLanguage language) {
        this.language = language;
        return this;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    /** Fluent setter of {@code category}. */
    public CreateTemplateRequest withCategory(String category) {
        this.category = category;
        return this;
    }

    @JsonProperty("template_components")
    public List<TemplateComponent> getTemplateComponents() {
        return templateComponents;
    }

    @JsonProperty("template_components")
    public void setTemplateComponents(List<TemplateComponent> templateComponents) {
        this.templateComponents = templateComponents;
    }

    /** Fluent setter of {@code template_components}. */
    public CreateTemplateRequest withTemplateComponents(List<TemplateComponent> templateComponents) {
        this.templateComponents = templateComponents;
        return this;
    }
}
