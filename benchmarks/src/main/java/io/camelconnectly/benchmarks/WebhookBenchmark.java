package io.camelconnectly.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Signed webhook ingest through {@code connectly:webhook} (verify, parse, type, dedupe, route) against a bare
 * {@code platform-http} POST route that does none of it, on one platform-http server, driven by wrk in the same run.
 *
 * <p>
 * Every request carries a distinct, correctly signed inbound-message body, so each one is verified, parsed and
 * checked against the idempotent repository as a new event (the pool is larger than the default repository, so a
 * body coming round again has been evicted and is processed again, as a new event would be).
 *
 * <p>
 * Run with {@code benchmarks/run-webhook.sh} (flags: {@code --threads 2 --connections 32 --duration 10 --rounds 2}).
 */
public final class WebhookBenchmark {

    private static final String SECRET = "whsec_bench_0123456789";
    private static final int BODIES_PER_THREAD = 30_000;
    private static final Pattern REQUESTS_PER_SEC = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("^\\s*99%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 2;
        int connections = 32;
        int duration = 10;
        int rounds = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(
                        "Unknown flag " + args[i] + "; allowed: --threads N --connections N --duration SECONDS --rounds N");
            }
        }

        int port = freePort();
        Path script = writeWrkScript(threads);
        CamelContext context = startApp(port);
        try {
            String base = "http://127.0.0.1:" + port;
            // warm both paths up (JIT) before measuring
            wrk(threads, connections, 3, script, base + "/bare");
            wrk(threads, connections, 3, script, base + "/connectly/webhook");

            WrkResult bestBare = null;
            WrkResult bestConnectly = null;
            for (int round = 0; round < rounds; round++) {
                WrkResult bare;
                WrkResult connectly;
                if (round % 2 == 0) {
                    bare = wrk(threads, connections, duration, script, base + "/bare");
                    connectly = wrk(threads, connections, duration, script, base + "/connectly/webhook");
                } else {
                    connectly = wrk(threads, connections, duration, script, base + "/connectly/webhook");
                    bare = wrk(threads, connections, duration, script, base + "/bare");
                }
                System.out.printf(Locale.ROOT, "  round %d: bare %s | connectly:webhook %s%n", round + 1, bare, connectly);
                bestBare = bestBare == null || bare.rps > bestBare.rps ? bare : bestBare;
                bestConnectly = bestConnectly == null || connectly.rps > bestConnectly.rps ? connectly : bestConnectly;
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Signed webhook ingest, wrk -t%d -c%d -d%ds, best round per side "
                                           + "(target: connectly:webhook >= 90%% of bare, no request lost or 5xx)%n",
                    threads, connections, duration);
            System.out.printf(Locale.ROOT, "%-20s | %-10s | %-8s | %-9s | %-8s | %s%n", "route", "req/s", "p99 ms", "requests",
                    "non-2xx", "socket errors");
            print("bare platform-http", bestBare);
            print("connectly:webhook", bestConnectly);
            System.out.printf(Locale.ROOT, "ratio connectly:webhook / bare = %.1f%%%n", 100.0 * bestConnectly.rps / bestBare.rps);
        } finally {
            context.stop();
        }
    }

    private static void print(String name, WrkResult r) {
        System.out.printf(Locale.ROOT, "%-20s | %-10.0f | %-8.2f | %-9d | %-8d | %d%n", name, r.rps, r.p99Millis, r.requests,
                r.non2xx, r.socketErrors);
    }

    private static CamelContext startApp(int port) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.getPropertiesComponent().addInitialProperty("webhook.secret", SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret={{webhook.secret}}").routeId("connectly-webhook")
                        .process(exchange -> {
                        });
                from("platform-http:/bare?httpMethodRestrict=POST").routeId("bare")
                        .setBody(constant(""));
            }
        });
        context.start();
        return context;
    }

    /** A wrk script cycling through distinct signed bodies; each wrk thread owns its own slice, so no two collide. */
    private static Path writeWrkScript(int threads) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Path dir = Files.createDirectories(Path.of("benchmarks", "target"));
        Path script = dir.resolve("webhook-bench.lua");
        try (Writer w = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
            w.write("local counter = 0\nlocal threads = {}\n");
            w.write("function setup(thread)\n  thread:set(\"tid\", counter)\n  counter = counter + 1\nend\n");
            w.write("local bodies = {}\nlocal sigs = {}\n");
            int total = BODIES_PER_THREAD * threads;
            for (int i = 0; i < total; i++) {
                String body = "{\"timestamp\":\"" + (1717430400 + i) + "\",\"sender\":{\"id\":\"+1604555" + String.format(Locale.ROOT, "%04d", i % 10000)
                              + "\",\"channelType\":\"whatsapp\",\"name\":\"Customer " + i + "\"},\"recipient\":{\"id\":\"+14155550100\","
                              + "\"channelType\":\"whatsapp\",\"name\":\"acme_store\"},\"message\":{\"text\":\"Where is my order A-" + i
                              + "?\"}}";
                String sig = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                w.write("bodies[" + (i + 1) + "]=[[" + body + "]]\nsigs[" + (i + 1) + "]=\"" + sig + "\"\n");
            }
            w.write("local n = " + total + "\nlocal step = " + threads + "\nlocal i = 0\n");
            w.write("function init(args)\n  i = tid + 1\nend\n");
            w.write("function request()\n"
                    + "  local b = bodies[i]\n  local s = sigs[i]\n"
                    + "  i = i + step\n  if i > n then i = i - n end\n"
                    + "  return wrk.format(\"POST\", nil, {[\"Content-Type\"]=\"text/plain; charset=utf-8\", "
                    + "[\"x-connectly-hmac-sha256\"]=s}, b)\n"
                    + "end\n");
        }
        return script;
    }

    private static WrkResult wrk(int threads, int connections, int seconds, Path script, String url) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return WrkResult.parse(out.toString());
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    record WrkResult(double rps, double p99Millis, long requests, long non2xx, long socketErrors) {
        static WrkResult parse(String out) {
            Matcher rps = REQUESTS_PER_SEC.matcher(out);
            Matcher p99 = P99.matcher(out);
            Matcher total = TOTAL.matcher(out);
            if (!rps.find() || !p99.find() || !total.find()) {
                throw new IllegalStateException("Unexpected wrk output:\n" + out);
            }
            double p99Value = Double.parseDouble(p99.group(1));
            double p99Millis = switch (p99.group(2)) {
                case "us" -> p99Value / 1000.0;
                case "s" -> p99Value * 1000.0;
                default -> p99Value;
            };
            Matcher non2xx = NON_2XX.matcher(out);
            Matcher sockets = SOCKET_ERRORS.matcher(out);
            long socketErrors = 0;
            if (sockets.find()) {
                for (int g = 1; g <= 4; g++) {
                    socketErrors += Long.parseLong(sockets.group(g));
                }
            }
            return new WrkResult(Double.parseDouble(rps.group(1)), p99Millis, Long.parseLong(total.group(1)),
                    non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s p99 %.2f ms non-2xx %d socket errors %d", rps, p99Millis, non2xx,
                    socketErrors);
        }
    }
}
