package io.camelconnectly.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark prints: progress lines and Markdown tables on stdout, all of it also kept in {@code summary.md} of
 * the run folder (next to the JVMs' logs and JFR files).
 */
final class Report {

    private final Path folder;
    private final StringBuilder kept = new StringBuilder();

    Report(String folderFlag, String kind) {
        String name = kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        this.folder = folderFlag.isBlank() ? Path.of("benchmarks", "target", "runs", name) : Path.of(folderFlag);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + folder, e);
        }
    }

    /** The title, then the machine, the flags and the run folder. */
    void header(String title, Flags flags) {
        line("# %s", title);
        line("");
        line("- machine: %s", machine());
        line("- flags: %s", flags.effective());
        line("- run folder: %s", folder);
    }

    Path folder() {
        return folder;
    }

    void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        System.out.flush();
        kept.append(text).append('\n');
    }

    /** A Markdown table, columns padded so that it also reads well in a terminal. */
    void table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line("%s", row(headers, widths));
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line("%s", row(rule, widths));
        for (List<String> row : rows) {
            line("%s", row(row, widths));
        }
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            line.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
        }
        return line.toString();
    }

    void save() {
        try {
            Files.writeString(folder.resolve("summary.md"), kept);
        } catch (IOException e) {
            System.err.println("Could not write " + folder.resolve("summary.md") + ": " + e);
        }
    }

    /** Date, cores, CPU model, OS, Java and the load average now. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException notLinux) {
            // keep "unknown CPU"
        }
        return String.format(Locale.ROOT, "%s; %d cores (nproc), %s; %s %s; Java %s; load average %s",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), Runtime.getRuntime().availableProcessors(),
                cpu, System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or "n/a". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return "n/a";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String spread(List<Double> values, String format) {
        return String.format(Locale.ROOT, format + " (" + format + " to " + format + ")", median(values),
                Collections.min(values), Collections.max(values));
    }

    static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
