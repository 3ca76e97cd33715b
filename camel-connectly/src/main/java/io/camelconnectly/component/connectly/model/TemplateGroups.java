package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code entity} of the get-templates answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateGroups {

    private List<TemplateGroup> templateGroups;

    public TemplateGroups() {
    }

    public List<TemplateGroup> getTemplateGroups() {
        return templateGroups;
    }

    public void setTemplateGroups(List<TemplateGroup> templateGroups) {
        this.templateGroups = templateGroups;
    }

    /** Fluent setter of {@code templateGroups}. */
    public TemplateGroups withTemplateGroups(List<TemplateGroup> templateGroups) {
        this.templateGroups = templateGroups;
        return this;
    }
}
