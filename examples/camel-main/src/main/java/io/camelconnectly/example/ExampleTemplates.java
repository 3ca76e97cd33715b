package io.camelconnectly.example;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.model.CreateTemplateRequest;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;

/**
 * The templates the CRM flow sends and the email flow falls back to, defined in
 * {@code src/main/resources/templates/<name>.json}.
 */
public final class ExampleTemplates {

    static final List<String> NAMES = List.of("deal_update", "ticket_opened", "mail_received");

    private ExampleTemplates() {
    }

    /** The example's templates that the business does not have yet. */
    public static List<CreateTemplateRequest> missing(GetTemplatesResponse existing) throws IOException {
        List<CreateTemplateRequest> missing = new ArrayList<>();
        for (String name : NAMES) {
            CreateTemplateRequest template = definition(name);
            if (existing.findTemplate(template.getName(), template.getLanguage().getCode()).isEmpty()) {
                missing.add(template);
            }
        }
        return missing;
    }

    static CreateTemplateRequest definition(String name) throws IOException {
        try (InputStream json = ExampleTemplates.class.getClassLoader().getResourceAsStream("templates/" + name + ".json")) {
            if (json == null) {
                throw new IllegalStateException("templates/" + name + ".json is missing from the classpath");
            }
            return ConnectlyJson.mapper().readValue(json, CreateTemplateRequest.class);
        }
    }
}
