package io.camelconnectly.component.connectly.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's META-INF/spring-configuration-metadata.json (written by spring-boot-configuration-processor from the
 * generated ConnectlyComponentConfiguration) against the component's own metadata (connectly.json): every component
 * option is a property with the same description and default, and secrets say so.
 */
class StarterMetadataTest {

    private static final String PREFIX = "camel.component.connectly.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClassLoader LOADER = StarterMetadataTest.class.getClassLoader();

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }

    /** Our properties by name, from the metadata file of this starter (other jars on the classpath have their own). */
    private static Map<String, JsonNode> starterProperties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (URL url : Collections.list(LOADER.getResources("META-INF/spring-configuration-metadata.json"))) {
            for (JsonNode property : read(url).path("properties")) {
                if (property.path("name").asText().startsWith(PREFIX)) {
                    properties.put(property.path("name").asText(), property);
                }
            }
        }
        return properties;
    }

    private static JsonNode componentOptions() throws IOException {
        URL url = LOADER.getResource("META-INF/io/camelconnectly/component/connectly/connectly.json");
        assertThat(url).as("the component's connectly.json on the classpath").isNotNull();
        return read(url).path("componentProperties");
    }

    static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    @Test
    void everyComponentOptionIsAPropertyWithItsDescriptionAndDefault() throws IOException {
        Map<String, JsonNode> properties = starterProperties();
        JsonNode options = componentOptions();
        assertThat(options.size()).isGreaterThan(30);

        options.fields().forEachRemaining(entry -> {
            String name = PREFIX + kebab(entry.getKey());
            JsonNode option = entry.getValue();
            assertThat(properties).as("metadata has " + name).containsKey(name);
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asText()).as(name).startsWith(option.path("description").asText());
            if (option.has("defaultValue")) {
                assertThat(property.path("defaultValue").asText()).as(name + " default")
                        .isEqualTo(option.path("defaultValue").asText());
            } else {
                assertThat(property.has("defaultValue")).as(name + " has no default").isFalse();
            }
            if (option.path("secret").asBoolean()) {
                assertThat(property.path("description").asText()).as(name).contains("This is a secret");
            }
        });
        // plus the switches every Camel component starter has
        assertThat(properties).containsKeys(PREFIX + "enabled", PREFIX + "customizer.enabled");
    }

    @Test
    void theCredentialsAreDocumentedAsSecrets() throws IOException {
        Map<String, JsonNode> properties = starterProperties();

        for (String secret : new String[] { "api-key", "webhook-secret", "proxy-password" }) {
            assertThat(properties.get(PREFIX + secret).path("description").asText()).as(secret)
                    .contains("This is a secret: set it from the environment or a secret store");
        }
        assertThat(properties.get(PREFIX + "base-url").path("description").asText()).doesNotContain("secret");
    }
}
