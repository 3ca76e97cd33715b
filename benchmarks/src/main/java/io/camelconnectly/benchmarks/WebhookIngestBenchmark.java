package io.camelconnectly.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Signed webhook ingest throughput, side by side with a bare platform-http route, in one run on one server.
 * <p>
 * Starts a CamelContext with one Vert.x platform-http server and two routes that do nothing: {@code connectly:webhook}
 * (verified, typed, deduplicated) and {@code platform-http:/bare} (no verification). Pre-computes distinct signed
 * inbound-message bodies (wrk's Lua cannot compute HMAC), more than the default dedupe memory holds (10000), split
 * between wrk threads so that no body is ever in flight twice and every request takes the full path. Then runs wrk
 * against each route in turn and prints req/s, p99, non-2xx counts and the ratio signed/bare, plus the consumer's
 * counters (duplicates and failures must be 0).
 * <p>
 * Run with {@code benchmarks/run-webhook.sh [--duration 10] [--warmup 3] [--rounds 2] [--threads 2]
 * [--connections 32] [--bodies 30000]}. Needs wrk on the PATH (or --wrk /usr/bin/wrk). Not a test: it asserts nothing.
 */
public final class WebhookIngestBenchmark {

    private static final String SECRET = "whsec_bench_3c1f";
    private static final String SIGNED_PATH = "/connectly/webhook";
    private static final String BARE_PATH = "/bare";
    private static final byte[] ACK = "{\"status\":\"processed\"}".getBytes(StandardCharsets.UTF_8);

    private static final String LUA = """
            -- wrk script: POSTs pre-signed distinct bodies; args: path, data file, thread count
            local counter = 0
            function setup(thread)
              thread:set("tid", counter)
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
              idx = 0
            end
            function request()
              idx = idx % #entries + 1
              local e = entries[idx]
              return wrk.format("POST", path,
                { ["Content-Type"] = "text/plain; charset=utf-8", ["x-connectly-hmac-sha256"] = e[1] }, e[2])
            end
            """;

    private record Result(String route, double requestsPerSecond, double p99Millis, long requests, long non2xx,
            String socketErrors) {
    }

    private WebhookIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int duration = intArg(args, "--duration", 10);
        int warmup = intArg(args, "--warmup", 3);
        int rounds = intArg(args, "--rounds", 1);
        int threads = intArg(args, "--threads", 2);
        int connections = intArg(args, "--connections", 32);
        int bodies = intArg(args, "--bodies", 30000);
        String wrk = stringArg(args, "--wrk", "wrk");
        int port = freePort();

        Path dir = Files.createTempDirectory("connectly-bench");
        Path data = dir.resolve("signed-bodies.tsv");
        Path script = dir.resolve("signed-post.lua");
        writeBodies(data, bodies);
        Files.writeString(script, LUA);

        CamelContext context = new DefaultCamelContext();
        // the consumer's default store (in memory, 10000 entries), held here to be emptied between runs: a warm-up
        // must not turn the next run's first requests into cheap duplicates
        IdempotentRepository dedupe = MemoryIdempotentRepository.memoryIdempotentRepository(10000);
        context.getRegistry().bind("dedupe", dedupe);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        server.setMaxBodySize(1_048_576L);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=" + SIGNED_PATH + "&webhookSecret=" + SECRET
                     + "&idempotentRepository=#dedupe").routeId("signed")
                        .process(exchange -> {
                        });
                from("platform-http:" + BARE_PATH + "?httpMethodRestrict=POST").routeId("bare")
                        .process(exchange -> exchange.getMessage().setBody(ACK));
            }
        });
        context.start();
        try {
            String url = "http://127.0.0.1:" + port;
            System.out.printf(Locale.ROOT, "%nServer on %s, %d distinct signed bodies, wrk -t%d -c%d, %d s per run%n",
                    url, bodies, threads, connections, duration);
            if (warmup > 0) {
                runWrk(wrk, threads, connections, warmup, script, url, BARE_PATH, data, "bare (warm-up)");
                runWrk(wrk, threads, connections, warmup, script, url, SIGNED_PATH, data, "signed (warm-up)");
            }
            ConnectlyEndpoint endpoint = (ConnectlyEndpoint) context.getRoute("signed").getEndpoint();
            long warmupRequests = endpoint.getWebhooksReceived();
            List<Result> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // alternate the order so that neither route always runs on a colder or warmer JVM
                boolean bareFirst = round % 2 == 0;
                for (int run = 0; run < 2; run++) {
                    if (bareFirst == (run == 0)) {
                        results.add(runWrk(wrk, threads, connections, duration, script, url, BARE_PATH, data, "bare"));
                    } else {
                        dedupe.clear();
                        results.add(runWrk(wrk, threads, connections, duration, script, url, SIGNED_PATH, data, "signed"));
                    }
                }
            }
            report(results, endpoint, warmupRequests);
        } finally {
            context.stop();
        }
    }

    private static void writeBodies(Path data, int count) throws IOException {
        try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                // 220-ish bytes like webhook-inbound-text.compact.json, each one distinct
                String body = "{\"timestamp\":\"" + (1717430400L + i) + "\",\"sender\":{\"id\":\"+16045550123\","
                              + "\"channelType\":\"whatsapp\",\"name\":\"Ana Souza\"},\"recipient\":{\"id\":\"+14155550100\","
                              + "\"channelType\":\"whatsapp\",\"name\":\"acme_store\"},\"message\":{\"text\":\"Where is my order "
                              + i + "?\"}}";
                out.write(WebhookSignatureVerifier.sign(body.getBytes(StandardCharsets.UTF_8), SECRET));
                out.write('\t');
                out.write(body);
                out.write('\n');
            }
        }
    }

    private static Result runWrk(String wrk, int threads, int connections, int seconds, Path script, String url,
                                 String path, Path data, String label) throws Exception {
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url, "--", path, data.toString(), String.valueOf(threads));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed for " + label + ":\n" + output);
        }
        Result result = new Result(label, number(output, "Requests/sec:\\s+([\\d.]+)"), p99(output),
                (long) number(output, "(\\d+) requests in"), (long) numberOr(output, "Non-2xx or 3xx responses:\\s+(\\d+)", 0),
                text(output, "Socket errors: ([^\\n]+)", "none"));
        System.out.printf(Locale.ROOT, "  %-18s %10.0f req/s   p99 %7.2f ms   %9d requests   non-2xx %d   socket errors %s%n",
                label, result.requestsPerSecond(), result.p99Millis(), result.requests(), result.non2xx(),
                result.socketErrors());
        return result;
    }

    private static void report(List<Result> results, ConnectlyEndpoint endpoint, long warmupRequests) {
        double bare = results.stream().filter(r -> r.route().equals("bare")).mapToDouble(Result::requestsPerSecond).average()
                .orElse(0);
        double signed = results.stream().filter(r -> r.route().equals("signed")).mapToDouble(Result::requestsPerSecond)
                .average().orElse(0);
        long signedNon2xx = results.stream().filter(r -> r.route().equals("signed")).mapToLong(Result::non2xx).sum();
        double ratio = bare > 0 ? signed / bare : 0;
        System.out.printf(Locale.ROOT, "%nbare   %10.0f req/s (mean)%nsigned %10.0f req/s (mean)%nratio  %10.2f  (target >= 0.90: %s)%n",
                bare, signed, ratio, ratio >= 0.90 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT,
                "signed route: non-2xx %d; consumer counters (warm-up included, %d received in warm-up): received %d, processed %d, duplicates %d, in-flight duplicates %d, "
                                       + "rejected %d, route failures %d%n",
                signedNon2xx, warmupRequests, endpoint.getWebhooksReceived(), endpoint.getWebhooksProcessed(), endpoint.getWebhooksDuplicates(),
                endpoint.getWebhooksInFlightDuplicates(), endpoint.getWebhooksRejected(), endpoint.getWebhooksRouteFailures());
    }

    private static double p99(String output) {
        Matcher matcher = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)").matcher(output);
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

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
