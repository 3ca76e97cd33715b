package io.camelconnectly.component.connectly;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's reference tables are generated from the component metadata by tools/readme-tables.py; this fails when
 * an option or a header was added or changed without regenerating them, so the README cannot lie.
 */
class ReadmeDocumentsEveryOptionTest {

    @Test
    void readmeTablesMatchTheGeneratedMetadata() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelconnectly/component/connectly/connectly.json")) {
            assertThat(in).as("generated component metadata on the classpath").isNotNull();
            metadata = ConnectlyJson.mapper().readTree(in);
        }
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : metadata.get("properties").properties()) {
            String description = option.getValue().path("description").asText();
            String row = "| `" + option.getKey() + "` |";
            if (!readme.contains(row) || !readme.contains(description.replace("|", "\\|"))) {
                if (!List.of("bridgeErrorHandler", "exceptionHandler", "exchangePattern", "lazyStartProducer")
                        .contains(option.getKey())) {
                    missing.add("option " + option.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> header : metadata.get("headers").properties()) {
            String description = header.getValue().path("description").asText();
            if (!readme.contains("| `" + header.getKey() + "` |") || !readme.contains(description.replace("|", "\\|"))) {
                missing.add("header " + header.getKey());
            }
        }
        assertThat(missing).as("README.md out of date: run tools/readme-tables.py").isEmpty();
    }
}
