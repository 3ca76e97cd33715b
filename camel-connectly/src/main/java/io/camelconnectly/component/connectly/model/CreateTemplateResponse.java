package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code POST /create/template}: the template group with the new template (status PENDING until Meta
 * approves it; poll getTemplates).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreateTemplateResponse {

    private TemplateGroup entity;

    public CreateTemplateResponse() {
    }

    public TemplateGroup getEntity() {
        return entity;
    }

    public void setEntity(TemplateGroup entity) {
        this.entity = entity;
    }

    /** Fluent setter of {@code entity}. */
    public CreateTemplateResponse withEntity(TemplateGroup entity) {
        this.entity = entity;
        return this;
    }

    @Override
    public String toString() {
        return "CreateTemplateResponse[" + entity + "]";
    }
}
