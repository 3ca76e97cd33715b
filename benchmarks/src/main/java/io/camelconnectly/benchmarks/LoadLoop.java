package io.camelconnectly.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} requests in flight at all times, each completion starting the next one on the
 * thread that completed it. Latencies of the measured phase are kept whole and sorted for percentiles.
 */
final class LoadLoop {

    private static final int MAX_SAMPLES = 8_000_000;
    private static final int MAX_SYNC_DEPTH = 64;

    private final ProducerBenchmark.Driver driver;
    private final long[] latencies;
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ExecutorService trampoline = Executors.newSingleThreadExecutor();
    private volatile long deadline;
    private volatile boolean recording;
    private CountDownLatch finished;

    private LoadLoop(ProducerBenchmark.Driver driver, boolean record) {
        this.driver = driver;
        this.latencies = record ? new long[MAX_SAMPLES] : new long[0];
        this.recording = record;
    }

    static ProducerBenchmark.Result run(ProducerBenchmark.Driver driver, int concurrency, ProducerBenchmark.Options options)
            throws InterruptedException {
        new LoadLoop(driver, false).phase(concurrency, options.warmupSeconds);
        return new LoadLoop(driver, true).phase(concurrency, options.durationSeconds);
    }

    private ProducerBenchmark.Result phase(int concurrency, int seconds) throws InterruptedException {
        finished = new CountDownLatch(concurrency);
        long servedBefore = ProducerBenchmark.SERVED.get();
        long start = System.nanoTime();
        deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < concurrency; i++) {
            fire();
        }
        if (!finished.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(driver.name() + ": requests still in flight 60 s after the phase ended");
        }
        long elapsed = System.nanoTime() - start;
        long served = ProducerBenchmark.SERVED.get() - servedBefore;
        trampoline.shutdownNow();
        int n = Math.min(samples.get(), latencies.length);
        if (!recording) {
            return null;
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        double throughput = samples.get() * 1e9 / elapsed;
        return new ProducerBenchmark.Result(throughput, percentile(sorted, 0.50), percentile(sorted, 0.99), errors.get(),
                samples.get(), served);
    }

    private void fire() {
        long sentAt = System.nanoTime();
        driver.send(ok -> {
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
}
