package io.camelconnectly.component.connectly.springboot;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "Spring Boot" section of README.md, whose blocks the tests run as they are written. */
final class ReadmeSpringBootSection {

    private static final String HEADING = "## Spring Boot";

    private final String section;

    private ReadmeSpringBootSection(String section) {
        this.section = section;
    }

    static ReadmeSpringBootSection read() {
        try {
            String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
            int start = readme.indexOf("\n" + HEADING + "\n");
            if (start < 0) {
                throw new IllegalStateException("README.md has no '" + HEADING + "' section");
            }
            int end = readme.indexOf("\n## ", start + HEADING.length() + 2);
            return new ReadmeSpringBootSection(end < 0 ? readme.substring(start) : readme.substring(start, end));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read README.md", e);
        }
    }

    /** The first fenced block of this language in the section, without its fences. */
    String block(String language) {
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
        if (!matcher.find()) {
            throw new IllegalStateException("README's Spring Boot section has no ```" + language + " block");
        }
        return matcher.group(1);
    }

    /** The application.properties block, in order. */
    Map<String, String> properties() {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(block("properties")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        block("properties").lines().filter(line -> line.contains("=") && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')).trim())
                .forEach(key -> ordered.put(key, parsed.getProperty(key)));
        return ordered;
    }
}
