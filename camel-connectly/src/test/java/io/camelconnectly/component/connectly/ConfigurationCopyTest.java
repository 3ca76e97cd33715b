package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each endpoint gets its own copy of the component's defaults: what one endpoint URI adds must not show up in the
 * component or in another endpoint.
 */
class ConfigurationCopyTest {

    @Test
    void templateParametersOfOneEndpointDoNotLeakIntoTheComponentOrAnotherEndpoint() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ConnectlyComponent component = new ConnectlyComponent();
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("header_text", "Acme");
            component.getConfiguration().setTemplateParameters(defaults);
            context.addComponent("connectly", component);

            ConnectlyEndpoint a = context.getEndpoint(
                    "connectly:sendTemplatedMessage?templateName=a&templateParameters.body_1=Ana&templateParameters.body_2=A-1",
                    ConnectlyEndpoint.class);
            ConnectlyEndpoint b = context.getEndpoint(
                    "connectly:sendTemplatedMessage?templateName=b&templateParameters.body_1=Bob", ConnectlyEndpoint.class);

            assertThat(a.getConfiguration().getTemplateParameters())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("header_text", "Acme", "body_1", "Ana", "body_2", "A-1"));
            assertThat(b.getConfiguration().getTemplateParameters())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("header_text", "Acme", "body_1", "Bob"));
            assertThat(component.getConfiguration().getTemplateParameters()).containsExactly(Map.entry("header_text", "Acme"));
        }
    }

    @Test
    void copyHasItsOwnTemplateParametersMap() {
        ConnectlyConfiguration original = new ConnectlyConfiguration();
        original.setTemplateParameters(new LinkedHashMap<>(Map.of("body_1", "Ana")));

        ConnectlyConfiguration copy = original.copy();
        copy.getTemplateParameters().put("body_2", "extra");

        assertThat(original.getTemplateParameters()).containsExactly(Map.entry("body_1", "Ana"));
        assertThat(new ConnectlyConfiguration().copy().getTemplateParameters()).isNull();
    }

    @Test
    void nestedListsAndMapsAreCopiedToo() {
        ConnectlyConfiguration original = new ConnectlyConfiguration();
        Map<String, Object> button = new LinkedHashMap<>(Map.of("payload", "track"));
        original.setTemplateParameters(new LinkedHashMap<>(Map.of("buttons", new ArrayList<>(List.of(button)))));

        ConnectlyConfiguration copy = original.copy();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> copiedButtons = (List<Map<String, Object>>) copy.getTemplateParameters().get("buttons");
        copiedButtons.get(0).put("payload", "changed");
        copiedButtons.add(Map.of("payload", "extra"));

        assertThat(original.getTemplateParameters().get("buttons")).isEqualTo(List.of(Map.of("payload", "track")));
    }
}
