package io.camelconnectly.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the examples of README.md's "Building blocks (routes/)" section, so the tests run what users copy. */
final class Readme {

    private Readme() {
    }

    static String text() {
        try {
            return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the "### `<kamelet>`" subsection of the building blocks. */
    static String kameletSection(String kamelet) {
        String text = text();
        String blocks = text.substring(text.indexOf("## Building blocks (`routes/`)"));
        String heading = "### `" + kamelet + "`";
        int start = blocks.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("README.md has no section " + heading);
        }
        int end = nextHeading(blocks, start + heading.length());
        return blocks.substring(start, end);
    }

    /** The building blocks section before its first Kamelet. */
    static String introduction() {
        String text = text();
        String blocks = text.substring(text.indexOf("## Building blocks (`routes/`)"));
        return blocks.substring(0, blocks.indexOf("### `"));
    }

    /** The n-th (from 0) fenced block of the given language in a section. */
    static String block(String section, String language, int index) {
        String fence = "```" + language + "\n";
        int start = -1;
        for (int i = 0; i <= index; i++) {
            start = section.indexOf(fence, start + 1);
            if (start < 0) {
                throw new IllegalStateException("no " + language + " block #" + index + " in:\n" + section);
            }
        }
        int from = start + fence.length();
        return section.substring(from, section.indexOf("```", from));
    }

    static String yaml(String kamelet) {
        return block(kameletSection(kamelet), "yaml", 0);
    }

    private static int nextHeading(String text, int from) {
        int sub = text.indexOf("\n### ", from);
        int top = text.indexOf("\n## ", from);
        if (sub < 0) {
            return top < 0 ? text.length() : top;
        }
        return top < 0 ? sub : Math.min(sub, top);
    }
}
