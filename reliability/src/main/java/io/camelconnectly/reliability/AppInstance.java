package io.camelconnectly.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of {@link EventsApplication} in its own JVM, on a fixed port of 127.0.0.1 (the same after a restart, as
 * behind a real load balancer), its output in a log file per start.
 */
final class AppInstance {

    /** The exit status of a process ended by SIGKILL (128 + 9), as Process.waitFor reports it on Linux. */
    static final int KILLED_BY_SIGKILL = 137;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logDirectory;
    private final List<Path> logs = new ArrayList<>();
    private Process process;

    AppInstance(String name, int port, String classpath, Map<String, String> systemProperties,
                Map<String, String> environment, Path logDirectory) {
        this.name = name;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logDirectory = logDirectory;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: three of them share the machine with the database and the simulator
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "-Dreliability.instance=" + name, "-Dcamel.server.port=" + port));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(EventsApplication.class.getName());
        this.command = List.copyOf(command);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Starts the JVM; its output goes to {@code <name>.log}, then {@code <name>-restart-N.log}. */
    void start() throws IOException {
        Path log = logDirectory.resolve(logs.isEmpty() ? name + ".log" : name + "-restart-" + logs.size() + ".log");
        logs.add(log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the secrets travel in the environment, never on a command line that ps shows
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the webhook route answers (405 to a GET: the consumer is serving); fails if the JVM exits first. */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectly/webhook"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                                                + logs.get(logs.size() - 1));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 405) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not serve its webhook within " + timeout + "; see " + logs.get(logs.size() - 1));
    }

    /** {@code kill -9}: SIGKILL (ProcessHandle.destroyForcibly on Linux), no shutdown hook runs; returns the exit status. */
    int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return process.waitFor();
    }

    /** Asks for a graceful stop (SIGTERM: Camel Main shuts down) without waiting. */
    void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** A graceful stop, forcibly after a while. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Ends the JVM now if it still runs (for the driver's own exit). */
    void destroyNow() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    List<Path> logs() {
        return List.copyOf(logs);
    }

    /** Lines containing {@code text} in every log of this instance. */
    long countLogLines(String text) throws IOException {
        long count = 0;
        for (Path log : logs) {
            try (var lines = Files.lines(log)) {
                count += lines.filter(line -> line.contains(text)).count();
            }
        }
        return count;
    }
}
