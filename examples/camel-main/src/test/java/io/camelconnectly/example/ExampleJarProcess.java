package io.camelconnectly.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.test.AvailablePortFinder;

import static org.awaitility.Awaitility.await;

/**
 * The executable jar ({@code java -jar connectly-example-camel-main.jar}, as README's quick start runs it) in a
 * child process, configured the way a user would: environment variables, here with free loopback ports.
 */
final class ExampleJarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final Map<String, String> environment;

    private ExampleJarProcess(Process process, Path log, Map<String, String> environment) {
        this.process = process;
        this.log = log;
        this.environment = environment;
    }

    static ExampleJarProcess start(Path workDirectory, Map<String, String> extraEnvironment) throws IOException {
        String jar = System.getProperty("example.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property example.jar must name the built executable jar, was " + jar);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String port : List.of("EXAMPLE_SERVER_PORT", "EXAMPLE_MANAGEMENT_PORT", "EXAMPLE_SIMULATOR_PORT",
                "EXAMPLE_HAWTIO_PORT", "EXAMPLE_CRM_PORT", "EXAMPLE_MAIL_IMAP_PORT", "EXAMPLE_MAIL_SMTP_PORT")) {
            environment.put(port, String.valueOf(AvailablePortFinder.getNextAvailable()));
        }
        environment.putAll(extraEnvironment);
        Path log = workDirectory.resolve("example.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CONNECTLY_") || name.startsWith("EXAMPLE_"));
        builder.environment().putAll(environment);
        return new ExampleJarProcess(builder.start(), log, environment);
    }

    int port(String variable) {
        return Integer.parseInt(environment.get(variable));
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a log line matching {@code pattern}; returns its first group (or the whole match). */
    String awaitLog(String pattern, Duration atMost) {
        Pattern compiled = Pattern.compile(pattern);
        return await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the example exited with " + process.exitValue() + ":\n" + log());
            }
            Matcher matcher = compiled.matcher(log());
            return matcher.find() ? (matcher.groupCount() > 0 ? matcher.group(1) : matcher.group()) : null;
        }, found -> found != null);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
