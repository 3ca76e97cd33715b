package io.camelconnectly.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} requests in flight at all times, each completion starting the next request on the
 * thread that completed it (as an application chaining asynchronous calls does). The phase ends when every chain has
 * seen the deadline, so no request is in flight afterwards and the server's count can be compared exactly.
 */
final class ClosedLoop {

    /** Sends one request; calls {@code done} exactly once, on whatever thread completes it. */
    interface Sender {
        void send(Completion done);
    }

    interface Completion {
        void complete(boolean ok);
    }

    private static final int MAX_SYNC_DEPTH = 64;

    private final Sender sender;
    private final long[] latencies;
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ExecutorService trampoline = Executors.newSingleThreadExecutor(r -> new Thread(r, "closed-loop-trampoline"));
    private final int concurrency;
    private final int seconds;
    private final CountDownLatch finished;
    private volatile long deadline;
    private long elapsed;

    ClosedLoop(Sender sender, int concurrency, int seconds) {
        this.sender = sender;
        this.concurrency = concurrency;
        this.seconds = seconds;
        // room for 250,000 messages a second; beyond that the count and errors stay exact, latencies are a prefix
        this.latencies = new long[(int) Math.min(16_000_000L, 250_000L * seconds)];
        this.finished = new CountDownLatch(concurrency);
    }

    /** Runs the phase; returns once no request is in flight. */
    void run() throws InterruptedException {
        long start = System.nanoTime();
        deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        try {
            for (int i = 0; i < concurrency; i++) {
                fire();
            }
            if (!finished.await(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still in flight 60 s after the phase ended");
            }
        } finally {
            trampoline.shutdownNow();
        }
        elapsed = System.nanoTime() - start;
    }

    /** The phase's figures: {@code completed}, {@code errors}, {@code elapsedNanos}, {@code p50Nanos}, {@code p99Nanos}. */
    Map<String, Object> result() {
        int completed = samples.get();
        long[] sorted = Arrays.copyOf(latencies, Math.min(completed, latencies.length));
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("completed", completed);
        result.put("errors", errors.get());
        result.put("elapsedNanos", elapsed);
        result.put("p50Nanos", percentile(sorted, 0.50));
        result.put("p99Nanos", percentile(sorted, 0.99));
        return result;
    }

    private void fire() {
        long sentAt = System.nanoTime();
        sender.send(ok -> {
            long now = System.nanoTime();
            int i = samples.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = now - sentAt;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
            if (now >= deadline) {
                finished.countDown();
                return;
            }
            // a send that completes on the caller's thread would otherwise recurse without bound
            int[] d = depth.get();
            if (d[0] >= MAX_SYNC_DEPTH) {
                trampoline.execute(this::fire);
                return;
            }
            d[0]++;
            try {
                fire();
            } finally {
                d[0]--;
            }
        });
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /**
     * Serves a sender JVM: {@code run CONCURRENCY SECONDS} answers {@code result} with the phase's figures and what the
     * JVM spent meanwhile; plus the common commands.
     */
    static void serve(Sender sender, ChildCommands common) throws Exception {
        Protocol.serve(common.with(Map.of("run", args -> {
            ClosedLoop loop = new ClosedLoop(sender, Integer.parseInt(args[0]), Integer.parseInt(args[1]));
            // only the phase itself counts: not making the latency array before it, nor sorting it after
            common.probe().mark();
            loop.run();
            Map<String, Object> spent = common.probe().sinceMark();
            Map<String, Object> values = new LinkedHashMap<>(loop.result());
            values.putAll(spent);
            Protocol.reply("result", values);
        })));
    }
}
