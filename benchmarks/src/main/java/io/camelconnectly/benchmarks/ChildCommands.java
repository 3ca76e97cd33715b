package io.camelconnectly.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Commands every measured JVM understands: {@code jfr-start FILE} / {@code jfr-stop} (a JFR recording with the JDK's
 * "profile" settings, CPU and allocation samples taken more often). Its {@link ProcessProbe} measures each run.
 */
final class ChildCommands {

    private final ProcessProbe probe = new ProcessProbe();
    private Recording recording;

    ProcessProbe probe() {
        return probe;
    }

    /** The common commands, plus those given. */
    Map<String, Protocol.Command> with(Map<String, Protocol.Command> own) {
        Map<String, Protocol.Command> commands = new HashMap<>(own);
        commands.put("jfr-start", args -> {
            if (recording != null) {
                throw new IllegalStateException("a JFR recording is already running");
            }
            Map<String, String> settings = new HashMap<>(Configuration.getConfiguration("profile").getSettings());
            // denser than "profile" (10 ms, 20 ms, 300/s): a 10 s run then gives thousands of samples, not hundreds
            settings.put("jdk.ExecutionSample#period", "1 ms");
            settings.put("jdk.NativeMethodSample#period", "5 ms");
            settings.put("jdk.ObjectAllocationSample#throttle", "3000/s");
            recording = new Recording(settings);
            recording.setDestination(Path.of(args[0]));
            recording.start();
            Protocol.reply("jfr", Map.of("file", args[0]));
        });
        commands.put("jfr-stop", args -> {
            if (recording == null) {
                throw new IllegalStateException("no JFR recording is running");
            }
            recording.stop();
            recording.close();
            recording = null;
            Protocol.reply("jfr", Map.of("stopped", true));
        });
        return commands;
    }
}
