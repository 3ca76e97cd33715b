package io.camelconnectly.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time and allocations per message of each thread group, summed over the measured runs of each side: shows which
 * threads work on a message (the caller, the HTTP client's I/O threads, Camel's own pools) and what each costs.
 */
final class ThreadBreakdown {

    private final List<String> sides;
    private final String unit;
    /** side to thread group to {cpuNanos, allocatedBytes} */
    private final Map<String, Map<String, long[]>> sums = new LinkedHashMap<>();
    private final Map<String, Long> messages = new LinkedHashMap<>();

    /** @param unit what one message is called in the column heads: msg, req */
    ThreadBreakdown(List<String> sides, String unit) {
        this.sides = sides;
        this.unit = unit;
        for (String side : sides) {
            sums.put(side, new TreeMap<>());
            messages.put(side, 0L);
        }
    }

    /** Adds one run: the {@code threads} value of a {@link ProcessProbe} answer and the messages of that run. */
    void add(String side, String threads, long runMessages) {
        messages.merge(side, runMessages, Long::sum);
        if (threads.isEmpty()) {
            return;
        }
        for (String entry : threads.split(";")) {
            String[] parts = entry.split(":");
            long[] total = sums.get(side).computeIfAbsent(parts[0], g -> new long[2]);
            total[0] += Long.parseLong(parts[1]);
            total[1] += Long.parseLong(parts[2]);
        }
    }

    /** Rows of the groups that cost at least 0.1 µs or 16 bytes per message on some side, costliest first. */
    void print(Report report) {
        Map<String, double[]> perMessage = new TreeMap<>();
        for (int s = 0; s < sides.size(); s++) {
            String side = sides.get(s);
            long n = Math.max(1, messages.get(side));
            for (Map.Entry<String, long[]> group : sums.get(side).entrySet()) {
                double[] row = perMessage.computeIfAbsent(group.getKey(), g -> new double[2 * sides.size()]);
                row[2 * s] = group.getValue()[0] / 1000.0 / n;
                row[2 * s + 1] = (double) group.getValue()[1] / n;
            }
        }
        List<Map.Entry<String, double[]>> groups = new ArrayList<>(perMessage.entrySet());
        groups.removeIf(g -> {
            for (int i = 0; i < g.getValue().length; i += 2) {
                if (g.getValue()[i] >= 0.1 || g.getValue()[i + 1] >= 16) {
                    return false;
                }
            }
            return true;
        });
        groups.sort(Comparator.comparingDouble((Map.Entry<String, double[]> g) -> {
            double max = 0;
            for (int i = 0; i < g.getValue().length; i += 2) {
                max = Math.max(max, g.getValue()[i]);
            }
            return -max;
        }));
        List<String> headers = new ArrayList<>(List.of("thread group"));
        for (String side : sides) {
            headers.add(side + " CPU µs/" + unit);
            headers.add(side + " alloc B/" + unit);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> group : groups) {
            List<String> row = new ArrayList<>(List.of("`" + group.getKey() + "`"));
            for (int i = 0; i < group.getValue().length; i += 2) {
                row.add(Report.fmt("%.2f", group.getValue()[i]));
                row.add(Report.fmt("%.0f", group.getValue()[i + 1]));
            }
            rows.add(row);
        }
        report.table(headers, rows);
    }
}
