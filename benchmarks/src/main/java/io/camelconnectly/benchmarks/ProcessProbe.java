package io.camelconnectly.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * What the JVM it runs in spent between two points: process CPU time, bytes allocated, context switches (Linux), and
 * CPU and allocation per thread group (thread names with their numbers replaced by #, e.g. {@code httpclient-dispatch-#}).
 * Read only at the two points, so it costs nothing per message.
 */
final class ProcessProbe {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record ThreadSample(String group, long cpuNanos, long allocatedBytes) {
    }

    private record Sample(long cpuNanos, long contextSwitches, Map<Long, ThreadSample> threads) {
    }

    private Sample mark = take();
    private final Map<String, Long> countersAtMark = new HashMap<>();

    void mark() {
        mark = take();
    }

    /**
     * For a JVM asked again and again: how much each of the given counters grew and what the JVM spent (as
     * {@link #sinceMark()}) since the previous call; then marks.
     */
    Map<String, Object> sinceLastCall(Map<String, Long> counters) {
        Map<String, Object> values = new LinkedHashMap<>();
        counters.forEach((name, value) -> values.put(name, value - countersAtMark.getOrDefault(name, 0L)));
        values.putAll(sinceMark());
        mark();
        countersAtMark.putAll(counters);
        return values;
    }

    /**
     * Since the last mark: {@code cpuNanos}, {@code allocBytes}, {@code ctxSwitches} (-1 where /proc is missing) and
     * {@code threads} as {@code group:cpuNanos:allocBytes;...}. A thread that ended in between is left out.
     */
    Map<String, Object> sinceMark() {
        Sample now = take();
        Map<String, long[]> groups = new TreeMap<>();
        long allocated = 0;
        for (Map.Entry<Long, ThreadSample> entry : now.threads().entrySet()) {
            ThreadSample before = mark.threads().get(entry.getKey());
            ThreadSample after = entry.getValue();
            long cpu = after.cpuNanos() - (before == null ? 0 : before.cpuNanos());
            long bytes = after.allocatedBytes() - (before == null ? 0 : before.allocatedBytes());
            allocated += bytes;
            long[] sums = groups.computeIfAbsent(after.group(), g -> new long[2]);
            sums[0] += cpu;
            sums[1] += bytes;
        }
        StringBuilder threads = new StringBuilder();
        groups.forEach((group, sums) -> {
            if (sums[0] > 0 || sums[1] > 0) {
                threads.append(threads.length() == 0 ? "" : ";").append(group.replace(':', ' ').replace(';', ' '))
                        .append(':').append(sums[0]).append(':').append(sums[1]);
            }
        });
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cpuNanos", now.cpuNanos() - mark.cpuNanos());
        values.put("allocBytes", allocated);
        values.put("ctxSwitches", now.contextSwitches() < 0 ? -1 : now.contextSwitches() - mark.contextSwitches());
        values.put("threads", threads);
        return values;
    }

    private static Sample take() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<Long, ThreadSample> threads = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0) {
                threads.put(ids[i], new ThreadSample(infos[i].getThreadName().replaceAll("\\d+", "#"), cpu[i], allocated[i]));
            }
        }
        return new Sample(OS.getProcessCpuTime(), contextSwitches(), threads);
    }

    /** Voluntary and involuntary context switches of all threads alive now, from /proc; -1 off Linux. */
    private static long contextSwitches() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                total += switchesOf(task.resolve("status"));
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private static long switchesOf(Path status) {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException ended) {
            return 0;
        }
        long sum = 0;
        for (String line : lines) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return sum;
    }
}
