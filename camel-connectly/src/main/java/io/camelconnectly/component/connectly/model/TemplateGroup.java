package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Templates sharing one name: one per language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateGroup {

    private String id;
    private String name;
    private String category;
    private List<MessageTemplate> templates;

    public TemplateGroup() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public TemplateGroup withId(String id) {
        this.id = id;
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter of {@code name}. */
    public TemplateGroup withName(String name) {
        this.name = name;
        return this;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    /** Fluent setter of {@code category}. */
    public TemplateGroup withCategory(String category) {
        this.category = category;
        return this;
    }

    public List<MessageTemplate> getTemplates() {
        return templates;
    }

    public void setTemplates(List<MessageTemplate> templates) {
        this.templates = templates;
    }

    /** Fluent setter of {@code templates}. */
    public TemplateGroup withTemplates(List<MessageTemplate> templates) {
        this.templates = templates;
        return this;
    }

    @Override
    public String toString() {
        return "TemplateGroup[name=" + name + (category != null ? ", category=" + category : "") + ", templates="
               + ModelText.items(templates, t -> t.languageCode() + " " + ModelText.status(t.getStatus())) + "]";
    }
}
