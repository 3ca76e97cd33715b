package io.camelconnectly.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line protocol between a benchmark and the JVMs it starts: one command a line on the child's stdin, answers on
 * its stdout as {@code @@ kind<TAB>key=value<TAB>...}. Children log to stderr, so stdout carries only answers.
 */
final class Protocol {

    static final String PREFIX = "@@ ";

    /** What a command of a child JVM does with the words after the command name. */
    interface Command {
        void run(String[] args) throws Exception;
    }

    /** One answer of a child JVM. */
    record Reply(String kind, Map<String, String> values) {

        String text(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("Answer '" + kind + "' has no " + key + ": " + values);
            }
            return value;
        }

        long number(String key) {
            return Long.parseLong(text(key));
        }
    }

    private Protocol() {
    }

    static synchronized void reply(String kind, Map<String, ?> values) {
        StringBuilder line = new StringBuilder(PREFIX).append(kind);
        values.forEach((key, value) -> line.append('\t').append(key).append('=')
                .append(String.valueOf(value).replace('\t', ' ').replace('\n', ' ')));
        System.out.println(line);
        System.out.flush();
    }

    static Reply parse(String line) {
        String[] parts = line.substring(PREFIX.length()).split("\t");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            values.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return new Reply(parts[0], values);
    }

    /**
     * Serves commands from stdin until {@code quit} or the end of input (the benchmark died). A failing command answers
     * {@code error} and the loop goes on.
     */
    static void serve(Map<String, Command> commands) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("quit")) {
                return;
            }
            Command command = commands.get(words[0]);
            try {
                if (command == null) {
                    throw new IllegalArgumentException("unknown command '" + words[0] + "'; known: " + commands.keySet());
                }
                String[] args = new String[words.length - 1];
                System.arraycopy(words, 1, args, 0, args.length);
                command.run(args);
            } catch (Exception e) {
                e.printStackTrace();
                reply("error", Map.of("message", e.toString()));
            }
        }
    }
}
