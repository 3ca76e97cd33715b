package io.camelconnectly.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command-line flags of a benchmark: {@code --name value}, each with a default and a line of help. */
final class Flags {

    private record Flag(String defaultValue, String help) {
    }

    private final String command;
    private final String summary;
    private final Map<String, Flag> flags = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    Flags(String command, String summary) {
        this.command = command;
        this.summary = summary;
    }

    Flags define(String name, String defaultValue, String help) {
        flags.put(name, new Flag(defaultValue, help));
        return this;
    }

    /**
     * The flags every benchmark has: {@code --jvm-opts}, {@code --jfr}, {@code --out}.
     *
     * @param measured  which JVMs are measured (for the help)
     * @param jfrFiles  the JFR file names in the run folder (for the help)
     * @param kind      the run folder's name prefix
     */
    Flags defineRunFlags(String measured, String jfrFiles, String kind) {
        return define("--jvm-opts", "-Xms512m -Xmx512m -XX:+UseParallelGC", "JVM options of " + measured)
                .define("--jfr", "false", "record a JFR profile of the measured runs (" + jfrFiles + " in the run folder);"
                                          + " JFR costs CPU: such figures are not for the README")
                .define("--out", "", "run folder (default benchmarks/target/runs/" + kind + "-<time>)");
    }

    /** Reads the arguments; {@code --help} prints the usage and ends the JVM. */
    Flags parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                System.out.println(usage());
                System.exit(0);
            }
            if (!flags.containsKey(name)) {
                throw new IllegalArgumentException("Unknown flag " + name + "\n\n" + usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Flag " + name + " needs a value\n\n" + usage());
            }
            values.put(name, args[++i]);
        }
        return this;
    }

    String text(String name) {
        Flag flag = flags.get(name);
        if (flag == null) {
            throw new IllegalArgumentException("no flag " + name);
        }
        return values.getOrDefault(name, flag.defaultValue());
    }

    int number(String name) {
        try {
            return Integer.parseInt(text(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Flag " + name + " must be a whole number, was '" + text(name) + "'");
        }
    }

    int[] numbers(String name) {
        String[] parts = text(name).split(",");
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                result[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Flag " + name + " must be comma-separated whole numbers, was '" + text(name) + "'");
            }
        }
        return result;
    }

    List<String> words(String name) {
        return List.of(text(name).trim().split("\\s+"));
    }

    boolean yes(String name) {
        String value = text(name).trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("Flag " + name + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** The flags as given or defaulted, for the report. */
    String effective() {
        StringBuilder line = new StringBuilder();
        flags.forEach((name, flag) -> line.append(line.length() == 0 ? "" : " ").append(name).append(' ')
                .append(quoteIfNeeded(text(name))));
        return line.toString();
    }

    String usage() {
        StringBuilder usage = new StringBuilder("Usage: ").append(command).append(" [flags]\n\n").append(summary)
                .append("\n\nFlags:\n");
        flags.forEach((name, flag) -> usage.append(String.format("  %-24s %s%s%n", name + " " + metaOf(flag), flag.help(),
                flag.defaultValue().isEmpty() ? "" : " (default: " + quoteIfNeeded(flag.defaultValue()) + ")")));
        return usage.toString();
    }

    private static String metaOf(Flag flag) {
        String value = flag.defaultValue();
        if (value.equals("true") || value.equals("false")) {
            return "true|false";
        }
        return value.matches("[\\d,]+") ? "N" : "VALUE";
    }

    private static String quoteIfNeeded(String value) {
        return value.isEmpty() || value.contains(" ") ? "'" + value + "'" : value;
    }
}
