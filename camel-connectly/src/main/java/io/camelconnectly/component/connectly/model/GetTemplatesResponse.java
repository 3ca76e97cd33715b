package io.camelconnectly.component.connectly.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code POST /get/templates}: templates grouped by name, one template per language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GetTemplatesResponse {

    private TemplateGroups entity;

    public GetTemplatesResponse() {
    }

    public TemplateGroups getEntity() {
        return entity;
    }

    public void setEntity(TemplateGroups entity) {
        this.entity = entity;
    }

    /** Fluent setter of {@code entity}. */
    public GetTemplatesResponse withEntity(TemplateGroups entity) {
        this.entity = entity;
        return this;
    }

    /** All template groups, never null. */
    public List<TemplateGroup> templateGroups() {
        return entity == null || entity.getTemplateGroups() == null ? List.of() : entity.getTemplateGroups();
    }

    /** The template of that name and language (language compared ignoring case), if Connectly has it. */
    public Optional<MessageTemplate> findTemplate(String name, String language) {
        for (TemplateGroup group : templateGroups()) {
            if (name != null && name.equals(group.getName()) && group.getTemplates() != null) {
                for (MessageTemplate template : group.getTemplates()) {
                    if (language != null && language.equalsIgnoreCase(template.languageCode())) {
                        return Optional.of(template);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The language codes a template name exists in (empty when there is no template of that name). */
    public List<String> languagesOf(String name) {
        List<String> languages = new ArrayList<>();
        for (TemplateGroup group : templateGroups()) {
            if (name != null && name.equals(group.getName()) && group.getTemplates() != null) {
                for (MessageTemplate template : group.getTemplates()) {
                    languages.add(template.languageCode());
                }
            }
        }
        return languages;
    }

    /** Names, languages and statuses, at most ten groups: a business may have hundreds of templates. */
    @Override
    public String toString() {
        List<TemplateGroup> groups = templateGroups();
        return "GetTemplatesResponse[" + groups.size() + " templates: "
               + ModelText.items(groups, g -> g.getName() + " " + ModelText.items(g.getTemplates(),
                       t -> t.languageCode() + " " + ModelText.status(t.getStatus())))
               + "]";
    }
}
