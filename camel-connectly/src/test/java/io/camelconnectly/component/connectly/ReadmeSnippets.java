package io.camelconnectly.component.connectly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads README.md the way a newcomer does: its code blocks, its application.properties and the environment variables it
 * names, so that the tests that run README snippets supply only values of what the README shows.
 */
final class ReadmeSnippets {

    private static final Path README = Path.of("..", "README.md");
    private static final String PREFIX = "camel.component.connectly.";

    private ReadmeSnippets() {
    }

    static String readme() {
        try {
            return Files.readString(README, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the heading (e.g. "## Receiving webhooks") to the next heading of the same level. */
    static String section(String heading) {
        String readme = readme();
        int start = readme.indexOf(heading);
        assertThat(start).as("README has " + heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = readme.indexOf("\n" + level, start + heading.length());
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    /** The first code block of that language after {@code after} in the text. */
    static String block(String text, String after, String language) {
        int from = text.indexOf(after);
        assertThat(from).as("README has " + after).isNotNegative();
        int start = text.indexOf("```" + language + "\n", from) + language.length() + 4;
        return text.substring(start, text.indexOf("```", start));
    }

    /** The application.properties README shows, key to value (comments dropped). */
    static Map<String, String> applicationProperties() {
        String properties = block(section("## Add it to your application"), "application.properties", "properties");
        Map<String, String> result = new LinkedHashMap<>();
        properties.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            int equals = line.indexOf('=');
            result.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        });
        return result;
    }

    /**
     * A connectly component configured as Camel Main configures it from README's application.properties, with only
     * the values given here replacing README's, and with the environment variables README names.
     */
    static ConnectlyComponent component(CamelContext context, Map<String, String> values, Map<String, String> environment) {
        Map<String, String> properties = applicationProperties();
        assertThat(properties.keySet()).as("only properties README shows").containsAll(values.keySet());
        assertThat(environment.keySet()).as("only variables README names")
                .allSatisfy(name -> assertThat(readme()).contains("`" + name + "`"));
        ConnectlyComponent component = new ConnectlyComponent();
        component.setEnvironment(environment::get);
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                PropertyBindingSupport.build().bind(context, component,
                        StringHelper.dashToCamelCase(key.substring(PREFIX.length())), values.getOrDefault(key, value));
            }
        });
        return component;
    }

    /**
     * Asserts that the Java between the markers {@code // ---- README: <name> (verbatim from here)} and
     * {@code // ---- README: end} in the test's source is in README, line by line (indentation aside).
     */
    static void assertVerbatimInReadme(Class<?> test, String name) {
        Path source = Path.of("src", "test", "java", test.getName().replace('.', '/') + ".java");
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String begin = "// ---- README: " + name + " (verbatim from here)";
        int start = text.indexOf(begin);
        assertThat(start).as(begin + " in " + source).isNotNegative();
        String copy = text.substring(start + begin.length(), text.indexOf("// ---- README: end", start));
        assertThat(normalised(readme())).contains(normalised(copy));
    }

    private static String normalised(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
