package io.camelconnectly.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets as a catalog reads them (file name, metadata, documented parameters, secrets marked) and the README
 * tables and schema that describe them, kept in step.
 */
class KameletDefinitionsTest {

    private static final List<String> SECRETS = List.of("apiKey", "webhookSecret");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kamelet(String name) throws IOException {
        try (InputStream in = KameletDefinitionsTest.class.getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/" + name + ".kamelet.yaml on the classpath").isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @ParameterizedTest
    @ValueSource(strings = { "connectly-sink", "connectly-source", "connectly-delivery-tracking", "connectly-inbound-router" })
    void everyParameterIsDocumentedHereAndInTheReadme(String name) throws IOException {
        Map<String, Object> kamelet = kamelet(name);
        assertThat(kamelet.get("kind")).isEqualTo("Kamelet");
        assertThat(KameletDefinitionsTest.<String>at(kamelet, "metadata", "name")).as("file name = metadata.name").isEqualTo(name);
        assertThat(KameletDefinitionsTest.<Map<String, Object>>at(kamelet, "metadata", "labels"))
                .containsKey("camel.apache.org/kamelet.type");
        // the build writes the module's version in (resource filtering)
        assertThat(KameletDefinitionsTest.<Map<String, Object>>at(kamelet, "metadata", "annotations"))
                .extractingByKey("camel.apache.org/catalog.version").asString().matches("\\d+\\.\\d+\\.\\d+.*");
        String table = Readme.kameletSection(name);

        Map<String, Map<String, Object>> properties = at(kamelet, "spec", "definition", "properties");
        assertThat(properties).isNotEmpty();
        properties.forEach((parameter, schema) -> {
            assertThat(schema).as(name + "." + parameter).containsKeys("title", "description", "type");
            String row = table.lines().filter(line -> line.startsWith("| `" + parameter + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("README table of " + name + " lacks parameter " + parameter));
            if (schema.containsKey("default")) {
                assertThat(row).as("README default of " + name + "." + parameter).contains("`" + schema.get("default") + "`");
            }
            if (SECRETS.contains(parameter)) {
                assertThat(schema.get("format")).as(name + "." + parameter).isEqualTo("password");
                assertThat(schema.get("x-descriptors")).asList().contains("urn:camel:group:credentials");
                assertThat(row).contains("**Secret.**");
            }
        });
        long rows = table.lines().filter(line -> line.startsWith("| `")).count();
        assertThat(rows).as("README rows of " + name + " = its parameters " + properties.keySet()).isEqualTo(properties.size());
    }

    @Test
    void theReadmeShowsTheSchemaInTheJar() throws IOException {
        String schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConnectlyRoutes.TRACKING_SCHEMA)) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String readme = Readme.text();
        String shown = readme.substring(readme.indexOf("<!-- tracking-schema:START -->"), readme.indexOf("<!-- tracking-schema:END -->"));
        String statements = schema.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip();
        assertThat(shown).contains(statements);
    }
}
