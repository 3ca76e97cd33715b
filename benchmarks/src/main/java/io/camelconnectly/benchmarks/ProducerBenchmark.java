package io.camelconnectly.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * sendMessage as users run it: a Camel Main application sending through {@code ProducerTemplate.asyncRequestBody}
 * against a bare Apache HttpClient 5 client making the same request, each in its own JVM, both against one Connectly
 * stand-in in a third JVM. Closed loop at each concurrency; after a warm-up of each side, measured runs alternate
 * (bare, camel, camel, bare, ...) so that drift on a busy machine hits both alike. Reports throughput, p50/p99, CPU,
 * allocations and context switches per message of the measured JVM, and the ratios; checks that the stand-in answered
 * exactly the requests each side counted.
 */
public final class ProducerBenchmark {

    private static final String BARE = "bare";

    /**
     * One Camel side: how the application sends ({@code via}) and whether the ProducerTemplate hands each async send to
     * its thread pool ({@code pool}: Camel's default threadedAsyncMode=true) or sends from the calling thread
     * ({@code caller}: threadedAsyncMode=false).
     */
    private record Setup(String via, boolean threaded) {

        static final List<String> VIAS = List.of("uri", "endpoint", "route", "producer", "plain");

        static Setup parse(String text) {
            String[] parts = text.trim().split(":");
            if (parts.length != 2 || !VIAS.contains(parts[0]) || !List.of("pool", "caller").contains(parts[1])) {
                throw new IllegalArgumentException("--camel setup '" + text.trim() + "' is not VIA:pool or VIA:caller with"
                                                   + " VIA one of " + VIAS);
            }
            return new Setup(parts[0], parts[1].equals("pool"));
        }

        /** The side's name in reports and file names. */
        String label() {
            return "camel-" + via + "-" + (threaded ? "pool" : "caller");
        }
    }

    private record Run(String side, int concurrency, int round, String load, Protocol.Reply result, Protocol.Reply standIn) {

        long messages() {
            return result.number("completed");
        }

        double throughput() {
            return messages() * 1e9 / result.number("elapsedNanos");
        }

        double perMessage(String key, double unit) {
            return result.number(key) / unit / Math.max(1, messages());
        }

        double standInCpuPerRequest() {
            return standIn.number("cpuNanos") / 1000.0 / Math.max(1, standIn.number("accepted"));
        }

        /** The stand-in accepted exactly the requests the side counted, and refused none. */
        boolean countsAgree() {
            return standIn.number("accepted") == messages() && standIn.number("rejected") == 0;
        }
    }

    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(60);

    private final Report report;
    private final int warmup;
    private final int duration;
    private final int rounds;
    private final boolean jfr;
    private final Duration runTimeout;
    private final List<Run> runs = new ArrayList<>();
    /** bare, then each Camel setup's label. */
    private final List<String> sides = new ArrayList<>();

    private ProducerBenchmark(Flags flags) {
        this.report = new Report(flags.text("--out"), "producer");
        this.warmup = flags.number("--warmup");
        this.duration = flags.number("--duration");
        this.rounds = flags.number("--rounds");
        this.jfr = flags.yes("--jfr");
        this.runTimeout = Duration.ofSeconds(Math.max(warmup, duration) + 120L);
    }

    public static void main(String[] args) throws Exception {
        Flags flags = new Flags("benchmarks/run-producer.sh", """
                connectly:sendMessage in a Camel Main application (ProducerTemplate.asyncRequestBody, text body,
                recipient option) against a bare Apache HttpClient 5 async client making the same request, each in its
                own JVM, against a Connectly stand-in (minimal Vert.x server) in a third JVM. Prints a Markdown summary,
                also saved with the JVMs' logs in the run folder.""")
                .define("--concurrency", "1,64", "requests in flight (closed loop), comma-separated")
                .define("--warmup", "15", "seconds each side runs at each concurrency before its measured runs")
                .define("--duration", "10", "seconds of one measured run")
                .define("--rounds", "3", "measured runs per side and concurrency; the order alternates")
                .define("--camel", "uri:pool,uri:caller,endpoint:caller,plain:pool", "the Camel sides, each in its own JVM: VIA:pool or VIA:caller,"
                                        + " comma-separated. VIA uri: template.asyncRequestBody(\"connectly:sendMessage?"
                                        + "recipient=...\", text); endpoint: the same Endpoint resolved once; route:"
                                        + " asyncRequestBody(\"direct:send\", text) to a route; producer: the endpoint's"
                                        + " AsyncProducer called directly (no ProducerTemplate: the component's own cost);"
                                        + " plain: asyncRequestBody to a benchmark-only endpoint making the bare request"
                                        + " (the template's cost alone). pool: Camel's default threadedAsyncMode=true (each"
                                        + " async send goes through the template's thread pool); caller:"
                                        + " setThreadedAsyncMode(false) (sent from the calling thread)")
                .defineRunFlags("all JVMs", "bare-c<N>.jfr, camel-<setup>-c<N>.jfr", "producer")
                .parse(args);
        new ProducerBenchmark(flags).run(flags);
    }

    private void run(Flags flags) throws Exception {
        int[] concurrencies = flags.numbers("--concurrency");
        List<String> jvmOptions = flags.words("--jvm-opts");
        List<Setup> setups = new ArrayList<>();
        for (String setup : flags.text("--camel").split(",")) {
            setups.add(Setup.parse(setup));
        }
        sides.add(BARE);
        setups.forEach(setup -> sides.add(setup.label()));
        report.header("sendMessage: Camel Main + ProducerTemplate vs bare HttpClient 5", flags);
        List<ChildJvm> jvms = new ArrayList<>();
        try (ChildJvm standIn = ChildJvm.start("stand-in", jvmOptions, ConnectlyStandIn.class, List.of(), report.folder())) {
            String baseUrl = "http://127.0.0.1:" + standIn.awaitReady().text("port");
            try {
                jvms.add(ChildJvm.start(BARE, jvmOptions, BareSenderApp.class, List.of(baseUrl), report.folder()));
                for (Setup setup : setups) {
                    jvms.add(ChildJvm.start(setup.label(), jvmOptions, CamelSenderApp.class,
                            List.of(baseUrl, setup.via(), String.valueOf(setup.threaded())), report.folder()));
                }
                StringBuilder pids = new StringBuilder();
                for (ChildJvm jvm : jvms) {
                    jvm.awaitReady();
                    pids.append("; ").append(jvm.label()).append(" pid ").append(jvm.pid());
                }
                report.line("- stand-in at %s (pid %d)%s", baseUrl, standIn.pid(), pids);
                compareRequests(standIn, jvms);
                report.line("");
                report.line("## Runs");
                report.line("");
                for (int concurrency : concurrencies) {
                    measure(concurrency, standIn, jvms);
                }
            } finally {
                for (ChildJvm jvm : jvms) {
                    jvm.close();
                }
            }
        }
        summarise(concurrencies);
        report.save();
    }

    /** Warm-up of each side, then the measured rounds, the order of the sides reversed every other round. */
    private void measure(int concurrency, ChildJvm standIn, List<ChildJvm> jvms) {
        for (ChildJvm side : jvms) {
            Protocol.Reply warm = side.call("run " + concurrency + " " + warmup, "result", runTimeout);
            report.line("- c=%d warm-up %s: %d s, %d messages, %d errors", concurrency, side.label(), warmup,
                    warm.number("completed"), warm.number("errors"));
            if (jfr) {
                Path file = report.folder().toAbsolutePath().resolve(side.label() + "-c" + concurrency + ".jfr");
                side.call("jfr-start " + file, "jfr", CONTROL_TIMEOUT);
            }
        }
        standIn.call("stats", "stats", CONTROL_TIMEOUT);
        List<ChildJvm> reversed = new ArrayList<>(jvms);
        Collections.reverse(reversed);
        for (int round = 1; round <= rounds; round++) {
            for (ChildJvm side : round % 2 == 1 ? jvms : reversed) {
                String load = Report.loadAverage();
                Protocol.Reply result = side.call("run " + concurrency + " " + duration, "result", runTimeout);
                Protocol.Reply served = standIn.call("stats", "stats", CONTROL_TIMEOUT);
                Run run = new Run(side.label(), concurrency, round, load, result, served);
                runs.add(run);
                report.line("- c=%d round %d %-18s %8.0f msg/s, p50 %.3f ms, p99 %.3f ms, CPU %.1f µs/msg, alloc %.0f B/msg,"
                            + " %.2f ctx switches/msg, errors %d, stand-in accepted %d (%s), load %s",
                        concurrency, round, run.side(), run.throughput(), result.number("p50Nanos") / 1e6,
                        result.number("p99Nanos") / 1e6, run.perMessage("cpuNanos", 1000), run.perMessage("allocBytes", 1),
                        run.perMessage("ctxSwitches", 1), result.number("errors"), served.number("accepted"),
                        run.countsAgree() ? "= counted" : "MISMATCH", load);
            }
        }
        if (jfr) {
            for (ChildJvm side : jvms) {
                side.call("jfr-stop", "jfr", CONTROL_TIMEOUT);
            }
        }
    }

    /** One short run of each side, then the stand-in's copy of its last request: all must send the same request. */
    private void compareRequests(ChildJvm standIn, List<ChildJvm> sides) {
        List<Protocol.Reply> samples = new ArrayList<>();
        for (ChildJvm side : sides) {
            side.call("run 1 1", "result", runTimeout);
            samples.add(standIn.call("sample", "sample", CONTROL_TIMEOUT));
        }
        report.line("- requests as the stand-in received them:");
        for (int i = 0; i < sides.size(); i++) {
            Protocol.Reply sample = samples.get(i);
            if (sample.values().containsKey("none")) {
                throw new IllegalStateException(sides.get(i).label() + " made no request the stand-in accepted");
            }
            String body = new String(Base64.getDecoder().decode(sample.text("body")), StandardCharsets.UTF_8);
            report.line("  - %s: %s %s, headers %s, body %s", sides.get(i).label(), sample.text("method"),
                    sample.text("path"), sample.text("headers"), body);
        }
        boolean same = samples.stream().allMatch(sample -> Objects.equals(samples.get(0).values(), sample.values()));
        report.line("  - identical method, path, headers and body: %s", same ? "yes" : "NO (the comparison is unfair)");
    }

    /** Medians of one side's measured runs at one concurrency. */
    private record SideMedians(double p50, double p99, double cpu, double alloc, double ctx) {

        static SideMedians of(List<Run> runs) {
            return new SideMedians(Report.median(runs.stream().map(r -> r.result().number("p50Nanos") / 1e6).toList()),
                    Report.median(runs.stream().map(r -> r.result().number("p99Nanos") / 1e6).toList()),
                    Report.median(runs.stream().map(r -> r.perMessage("cpuNanos", 1000)).toList()),
                    Report.median(runs.stream().map(r -> r.perMessage("allocBytes", 1)).toList()),
                    Report.median(runs.stream().map(r -> r.perMessage("ctxSwitches", 1)).toList()));
        }
    }

    private void summarise(int[] concurrencies) {
        report.line("");
        report.line("## Summary");
        report.line("");
        report.line("Medians over %d measured run(s) of %d s per side (min to max in brackets), after %d s warm-up per side"
                    + " and concurrency; CPU, allocations and context switches are the measured JVM's own, per message;"
                    + " 1-minute load average at the start of the runs: %s.",
                rounds, duration, warmup, Report.spread(runs.stream().map(r -> Double.valueOf(r.load().split(" ")[0])).toList(),
                        "%.1f"));
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        for (int concurrency : concurrencies) {
            List<SideMedians> medians = new ArrayList<>();
            for (String side : sides) {
                List<Run> mine = runs.stream().filter(r -> r.concurrency() == concurrency && r.side().equals(side)).toList();
                SideMedians m = SideMedians.of(mine);
                medians.add(m);
                rows.add(List.of(String.valueOf(concurrency), side,
                        Report.spread(mine.stream().map(Run::throughput).toList(), "%.0f"), Report.fmt("%.3f", m.p50()),
                        Report.fmt("%.3f", m.p99()),
                        Report.spread(mine.stream().map(r -> r.perMessage("cpuNanos", 1000)).toList(), "%.1f"),
                        Report.fmt("%.0f", m.alloc()), Report.fmt("%.2f", m.ctx()),
                        String.valueOf(mine.stream().mapToLong(r -> r.result().number("errors")).sum()),
                        mine.stream().allMatch(Run::countsAgree) ? "yes" : "NO",
                        Report.fmt("%.1f", Report.median(mine.stream().map(Run::standInCpuPerRequest).toList()))));
            }
            SideMedians bare = medians.get(0);
            for (int s = 1; s < sides.size(); s++) {
                String side = sides.get(s);
                List<Double> ratios = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    ratios.add(100 * throughput(concurrency, round, side) / throughput(concurrency, round, BARE));
                }
                SideMedians camel = medians.get(s);
                rows.add(List.of(String.valueOf(concurrency), "**" + side + " / bare**",
                        "**" + Report.spread(ratios, "%.0f%%") + "**",
                        Report.fmt("x%.2f", camel.p50() / bare.p50()), Report.fmt("x%.2f", camel.p99() / bare.p99()),
                        Report.fmt("x%.2f", camel.cpu() / bare.cpu()), Report.fmt("x%.2f", camel.alloc() / bare.alloc()),
                        Report.fmt("x%.2f", camel.ctx() / bare.ctx()), "", "", ""));
            }
        }
        report.table(List.of("concurrency", "side", "msg/s", "p50 ms", "p99 ms", "CPU µs/msg", "alloc B/msg",
                "ctx switches/msg", "errors", "stand-in answered = counted", "stand-in CPU µs/req"), rows);
        report.line("");
        report.line("Sides: camel-VIA-pool sends with Camel's default ProducerTemplate (threadedAsyncMode=true: each"
                    + " async send is handed to the template's thread pool), camel-VIA-caller with"
                    + " setThreadedAsyncMode(false) (sent from the calling thread); VIA uri passes the endpoint URI"
                    + " string on every call, endpoint an Endpoint resolved once, plain sends through the template to a"
                    + " benchmark-only endpoint making the bare request (the template's own cost), producer calls the"
                    + " AsyncProducer directly (the component's own cost). Ratio rows: msg/s is the median of each round's"
                    + " side/bare throughput (target >= 90%%); the other columns are the side's median over bare's.");
        for (int concurrency : concurrencies) {
            report.line("");
            report.line("### Where the CPU goes, concurrency %d (all measured runs; digits in thread names shown as #)",
                    concurrency);
            report.line("");
            ThreadBreakdown breakdown = new ThreadBreakdown(sides, "msg");
            runs.stream().filter(r -> r.concurrency() == concurrency)
                    .forEach(r -> breakdown.add(r.side(), r.result().text("threads"), r.messages()));
            breakdown.print(report);
        }
    }

    private double throughput(int concurrency, int round, String side) {
        return runs.stream().filter(r -> r.concurrency() == concurrency && r.round() == round && r.side().equals(side))
                .findFirst().orElseThrow().throughput();
    }
}
