package io.camelconnectly.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a benchmark, on the benchmark's own java and classpath, driven through {@link Protocol}. Its stderr
 * (logs) goes to {@code <label>.log} in the run folder.
 */
final class ChildJvm implements AutoCloseable {

    private static final String EXITED = Protocol.PREFIX + "exited";

    private final String label;
    private final Process process;
    private final Writer stdin;
    private final Path log;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private ChildJvm(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, label + "-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with the given JVM options and arguments and waits for its {@code ready} answer. */
    static ChildJvm start(String label, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path runFolder)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Path log = runFolder.resolve(label + ".log");
        Files.writeString(log, String.join(" ", command) + System.lineSeparator());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // a benchmark stopped with Ctrl-C leaves nothing running behind it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ChildJvm(label, process, log);
    }

    String label() {
        return label;
    }

    long pid() {
        return process.pid();
    }

    Protocol.Reply awaitReady() {
        return await("ready", Duration.ofSeconds(60));
    }

    /** Sends one command and waits for its answer of the given kind. */
    Protocol.Reply call(String command, String answerKind, Duration timeout) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(label + " no longer takes commands (see " + log + ")", e);
        }
        return await(answerKind, timeout);
    }

    private Protocol.Reply await(String kind, Duration timeout) {
        String line;
        try {
            line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + label, e);
        }
        if (line == null) {
            throw new IllegalStateException(label + " did not answer '" + kind + "' within " + timeout + " (see " + log + ")");
        }
        Protocol.Reply reply = Protocol.parse(line);
        if (!reply.kind().equals(kind)) {
            throw new IllegalStateException(label + " answered " + line + " instead of '" + kind + "' (see " + log + ")");
        }
        return reply;
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(Protocol.PREFIX)) {
                    replies.add(line);
                } else {
                    Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.APPEND);
                }
            }
        } catch (IOException e) {
            // the process is gone: the waiting caller is told below
        }
        replies.add(EXITED);
    }

    @Override
    public void close() {
        try {
            stdin.write("quit\n");
            stdin.flush();
        } catch (IOException gone) {
            // already ended
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
