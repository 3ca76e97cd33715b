package io.camelconnectly.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;

/**
 * Signed webhook ingest as users run it: {@code connectly:webhook} in a Camel Main application with
 * {@code camel.server.enabled=true}, against a bare {@code platform-http} POST route answering a String in the same kind
 * of application; each application in its own JVM, the load from {@code wrk} in another process. wrk posts distinct
 * pre-signed bodies (its Lua cannot compute HMAC), far more than the consumer's dedupe store remembers, each run
 * starting past the bodies of the previous one, so that no request is a cheap duplicate (the report checks). After a
 * warm-up of each side, measured runs alternate (bare, connectly, connectly, bare, ...). Reports req/s, p50/p99 (wrk),
 * the server JVM's CPU, allocations and context switches per request, the ratios, and checks that each server routed
 * what wrk counted.
 */
public final class WebhookBenchmark {

    private static final List<String> SIDES = List.of("bare", "connectly");

    private static final String LUA = """
            -- wrk script: POSTs pre-signed distinct bodies; args: path, data file, thread count, start indexes
            -- (comma-separated, one per thread). Each thread takes every n-th line of the file, starts at its index
            -- and at the end reports where it stopped, so that its next run goes on from there.
            local counter = 0
            local all = {}
            function setup(thread)
              thread:set("tid", counter)
              all[#all + 1] = thread
              counter = counter + 1
            end
            function init(args)
              path = args[1]
              local threads = tonumber(args[3])
              entries = {}
              local i = 0
              for line in io.lines(args[2]) do
                if i % threads == tid then
                  local tab = string.find(line, "\\t", 1, true)
                  entries[#entries + 1] = { string.sub(line, 1, tab - 1), string.sub(line, tab + 1) }
                end
                i = i + 1
              end
              local starts = {}
              for start in string.gmatch(args[4], "[^,]+") do
                starts[#starts + 1] = tonumber(start)
              end
              idx = (starts[tid + 1] or 0) % #entries
            end
            function request()
              idx = idx % #entries + 1
              local e = entries[idx]
              return wrk.format("POST", path,
                { ["Content-Type"] = "text/plain; charset=utf-8", ["x-connectly-hmac-sha256"] = e[1] }, e[2])
            end
            function done(summary, latency, requests)
              for _, thread in ipairs(all) do
                io.write(string.format("next-index %d %d\\n", thread:get("tid"), thread:get("idx")))
              end
            end
            """;
    private static final Pattern NEXT_INDEX = Pattern.compile("next-index (\\d+) (\\d+)");

    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(60);

    /** What wrk reported for one run. */
    private record Load(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx,
            String socketErrors) {
    }

    /** One measured run of one side: wrk's view and the server's counters and spending meanwhile. */
    private record Run(String side, int round, String load, Load wrk, Protocol.Reply server) {

        long routed() {
            return server.number("routed");
        }

        double perRequest(String key, double unit) {
            return server.number(key) / unit / Math.max(1, routed());
        }

        /** wrk counts the answers it received; the server may have routed the few still in flight when wrk stopped. */
        boolean countsAgree(int connections) {
            long extra = routed() - wrk.requests();
            return extra >= 0 && extra <= connections;
        }

        long duplicates() {
            return server.values().containsKey("duplicates")
                    ? server.number("duplicates") + server.number("inFlightDuplicates") : 0;
        }
    }

    /** A server JVM and where wrk sends its load. */
    private record Side(ChildJvm jvm, String url) {

        String name() {
            return jvm.label();
        }
    }

    private final Report report;
    private final int warmup;
    private final int duration;
    private final int rounds;
    private final int threads;
    private final int connections;
    private final String wrk;
    private final boolean jfr;
    private final Path bodies;
    private final Path script;
    private final Duration wrkTimeout;
    /**
     * Per side, where each wrk thread stopped in its share of the bodies: its next run goes on from there, so a body
     * comes back only after the whole share (bodies / threads per thread), never soon after a run ends.
     */
    private final Map<String, String> nextIndexes = new HashMap<>();
    private final List<Run> runs = new ArrayList<>();

    private WebhookBenchmark(Flags flags) {
        this.report = new Report(flags.text("--out"), "webhook");
        this.warmup = flags.number("--warmup");
        this.duration = flags.number("--duration");
        this.rounds = flags.number("--rounds");
        this.threads = flags.number("--threads");
        this.connections = flags.number("--connections");
        this.wrk = flags.text("--wrk");
        this.jfr = flags.yes("--jfr");
        this.bodies = report.folder().resolve("signed-bodies.tsv");
        this.script = report.folder().resolve("signed-post.lua");
        this.wrkTimeout = Duration.ofSeconds(Math.max(warmup, duration) + 60L);
    }

    public static void main(String[] args) throws Exception {
        Flags flags = new Flags("benchmarks/run-webhook.sh", """
                connectly:webhook in a Camel Main application (camel.server.enabled=true) against a bare platform-http
                POST route answering a String, each in its own JVM, driven by wrk with distinct signed bodies. Prints a
                Markdown summary, also saved with the JVMs' logs in the run folder. Needs wrk.""")
                .define("--warmup", "15", "seconds of wrk against each side before the measured runs")
                .define("--duration", "10", "seconds of one measured wrk run")
                .define("--rounds", "3", "measured runs per side; the order alternates")
                .define("--threads", "2", "wrk threads")
                .define("--connections", "32", "wrk connections")
                .define("--bodies", "100000", "distinct signed bodies (the consumer's default dedupe store remembers 10000)")
                .define("--wrk", "wrk", "the wrk executable")
                .defineRunFlags("both server JVMs", "bare.jfr, connectly.jfr", "webhook")
                .parse(args);
        new WebhookBenchmark(flags).run(flags);
    }

    private void run(Flags flags) throws Exception {
        List<String> jvmOptions = flags.words("--jvm-opts");
        report.header("Webhook ingest: connectly:webhook vs bare platform-http route, Camel Main, wrk", flags);
        String spare = writeBodies(bodies, flags.number("--bodies"));
        Files.writeString(script, LUA);
        int barePort = freePort();
        int connectlyPort = freePort();
        try (ChildJvm bareJvm = ChildJvm.start("bare", jvmOptions, WebhookServerApp.class,
                List.of("bare", String.valueOf(barePort)), report.folder());
             ChildJvm connectlyJvm = ChildJvm.start("connectly", jvmOptions, WebhookServerApp.class,
                     List.of("connectly", String.valueOf(connectlyPort)), report.folder())) {
            bareJvm.awaitReady();
            connectlyJvm.awaitReady();
            Side bare = new Side(bareJvm, "http://127.0.0.1:" + barePort + WebhookServerApp.BARE_PATH);
            Side connectly = new Side(connectlyJvm, "http://127.0.0.1:" + connectlyPort + WebhookServerApp.CONNECTLY_PATH);
            for (Side side : List.of(bare, connectly)) {
                report.line("- %s: pid %d at %s; one signed post: %s", side.name(), side.jvm().pid(), side.url(),
                        postOnce(side.url(), spare));
            }
            measure(bare, connectly);
        }
        summarise();
        report.save();
    }

    /** Warm-up of each side, then the measured rounds in alternating order. */
    private void measure(Side bare, Side connectly) throws Exception {
        for (Side side : List.of(bare, connectly)) {
            Load warm = runWrk(side, warmup);
            report.line("- warm-up %s: %d s, %.0f req/s, non-2xx %d", side.name(), warmup, warm.requestsPerSecond(),
                    warm.non2xx());
            if (jfr) {
                side.jvm().call("jfr-start " + report.folder().toAbsolutePath().resolve(side.name() + ".jfr"), "jfr",
                        CONTROL_TIMEOUT);
            }
        }
        report.line("");
        report.line("## Runs");
        report.line("");
        for (int round = 1; round <= rounds; round++) {
            for (Side side : round % 2 == 1 ? List.of(bare, connectly) : List.of(connectly, bare)) {
                String load = Report.loadAverage();
                side.jvm().call("stats", "stats", CONTROL_TIMEOUT);
                Load result = runWrk(side, duration);
                Run run = new Run(side.name(), round, load, result, side.jvm().call("stats", "stats", CONTROL_TIMEOUT));
                runs.add(run);
                report.line("- round %d %-9s %8.0f req/s, p50 %.2f ms, p99 %.2f ms, server CPU %.1f µs/req, alloc %.0f B/req,"
                            + " %.2f ctx switches/req, non-2xx %d, socket errors %s, routed %d for %d answered (%s),"
                            + " duplicates %d, wrk threads stopped at bodies %s of their share, load %s",
                        round, run.side(), result.requestsPerSecond(), result.p50Millis(), result.p99Millis(),
                        run.perRequest("cpuNanos", 1000), run.perRequest("allocBytes", 1), run.perRequest("ctxSwitches", 1),
                        result.non2xx(), result.socketErrors(), run.routed(), result.requests(),
                        run.countsAgree(connections) ? "agree" : "MISMATCH", run.duplicates(), nextIndexes.get(side.name()),
                        load);
            }
        }
        if (jfr) {
            for (Side side : List.of(bare, connectly)) {
                side.jvm().call("jfr-stop", "jfr", CONTROL_TIMEOUT);
            }
        }
    }

    private void summarise() {
        report.line("");
        report.line("## Summary");
        report.line("");
        report.line("wrk -t%d -c%d; medians over %d measured run(s) of %d s per side (min to max in brackets), after %d s"
                    + " warm-up per side; CPU, allocations and context switches are the server JVM's own, per request;"
                    + " 1-minute load average at the start of the runs: %s.",
                threads, connections, rounds, duration, warmup,
                Report.spread(runs.stream().map(r -> Double.valueOf(r.load().split(" ")[0])).toList(), "%.1f"));
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        List<double[]> medians = new ArrayList<>();
        for (String side : SIDES) {
            List<Run> mine = runs.stream().filter(r -> r.side().equals(side)).toList();
            double[] m = {
                    Report.median(mine.stream().map(r -> r.wrk().p50Millis()).toList()),
                    Report.median(mine.stream().map(r -> r.wrk().p99Millis()).toList()),
                    Report.median(mine.stream().map(r -> r.perRequest("cpuNanos", 1000)).toList()),
                    Report.median(mine.stream().map(r -> r.perRequest("allocBytes", 1)).toList()),
                    Report.median(mine.stream().map(r -> r.perRequest("ctxSwitches", 1)).toList()) };
            medians.add(m);
            rows.add(List.of(side, Report.spread(mine.stream().map(r -> r.wrk().requestsPerSecond()).toList(), "%.0f"),
                    Report.fmt("%.2f", m[0]), Report.fmt("%.2f", m[1]),
                    Report.spread(mine.stream().map(r -> r.perRequest("cpuNanos", 1000)).toList(), "%.1f"),
                    Report.fmt("%.0f", m[3]), Report.fmt("%.2f", m[4]),
                    String.valueOf(mine.stream().mapToLong(r -> r.wrk().non2xx()).sum()),
                    String.join(", ", mine.stream().map(r -> r.wrk().socketErrors()).distinct().toList()),
                    mine.stream().allMatch(r -> r.countsAgree(connections)) ? "yes" : "NO",
                    String.valueOf(mine.stream().mapToLong(Run::duplicates).sum())));
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            ratios.add(100 * requestsPerSecond(round, "connectly") / requestsPerSecond(round, "bare"));
        }
        List<String> ratioRow = new ArrayList<>(List.of("**connectly / bare**", "**" + Report.spread(ratios, "%.0f%%") + "**"));
        for (int i = 0; i < 5; i++) {
            ratioRow.add(Report.fmt("x%.2f", medians.get(1)[i] / medians.get(0)[i]));
        }
        ratioRow.addAll(List.of("", "", "", ""));
        rows.add(ratioRow);
        report.table(List.of("side", "req/s", "p50 ms", "p99 ms", "server CPU µs/req", "alloc B/req", "ctx switches/req",
                "non-2xx", "socket errors", "routed = answered", "duplicates"), rows);
        report.line("");
        report.line("Ratio row: req/s is the median of each round's connectly/bare throughput (target >= 90%%); the other"
                    + " columns are connectly's median over bare's.");
        report.line("");
        report.line("### Where the server's CPU goes (all measured runs; digits in thread names shown as #)");
        report.line("");
        ThreadBreakdown breakdown = new ThreadBreakdown(SIDES, "req");
        runs.forEach(r -> breakdown.add(r.side(), r.server().text("threads"), r.routed()));
        breakdown.print(report);
    }

    private double requestsPerSecond(int round, String side) {
        return runs.stream().filter(r -> r.round() == round && r.side().equals(side)).findFirst().orElseThrow().wrk()
                .requestsPerSecond();
    }

    /** Writes {@code count} distinct signed bodies as {@code signature<TAB>body} lines; returns one more, not in the file. */
    private static String writeBodies(Path data, int count) throws IOException {
        try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String body = body(i);
                out.write(WebhookSignatureVerifier.sign(body.getBytes(StandardCharsets.UTF_8), WebhookServerApp.SECRET));
                out.write('\t');
                out.write(body);
                out.write('\n');
            }
        }
        return body(count);
    }

    /** About 220 bytes, like a customer's text message event; each one distinct. */
    private static String body(int i) {
        return "{\"timestamp\":\"" + (1717430400L + i) + "\",\"sender\":{\"id\":\"+16045550123\","
               + "\"channelType\":\"whatsapp\",\"name\":\"Ana Souza\"},\"recipient\":{\"id\":\"+14155550100\","
               + "\"channelType\":\"whatsapp\",\"name\":\"acme_store\"},\"message\":{\"text\":\"Where is my order "
               + i + "?\"}}";
    }

    /** One signed post before any load: the listener is up and answers as expected (status, Content-Type, body). */
    private static String postOnce(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header(WebhookSignatureVerifier.SIGNATURE_HEADER,
                        WebhookSignatureVerifier.sign(body.getBytes(StandardCharsets.UTF_8), WebhookServerApp.SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return String.format(Locale.ROOT, "%d, Content-Type %s, body %s", response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("(none)"), response.body());
    }

    /** One wrk run against a side, each wrk thread going on in the bodies where it stopped the run before. */
    private Load runWrk(Side side, int seconds) throws Exception {
        URI target = URI.create(side.url());
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), target.getScheme() + "://" + target.getAuthority(), "--", target.getPath(),
                bodies.toString(), String.valueOf(threads), nextIndexes.getOrDefault(side.name(), "0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(wrkTimeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed against " + side.url() + ":\n" + output);
        }
        Load load = new Load(number(output, "Requests/sec:\\s+([\\d.]+)"), latency(output, "50%"),
                latency(output, "99%"), (long) number(output, "(\\d+) requests in"),
                (long) numberOr(output, "Non-2xx or 3xx responses:\\s+(\\d+)", 0),
                text(output, "Socket errors: ([^\\n]+)", "none"));
        List<String> stops = new ArrayList<>();
        for (Matcher stop = NEXT_INDEX.matcher(output); stop.find(); ) {
            stops.add(stop.group(2));
        }
        nextIndexes.put(side.name(), String.join(",", stops));
        return load;
    }

    private static double latency(String output, String percentile) {
        Matcher matcher = Pattern.compile(percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk output has no " + regex + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double numberOr(String output, String regex, double fallback) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : fallback;
    }

    private static String text(String output, String regex, String fallback) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        return matcher.find() ? matcher.group(1).trim() : fallback;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
