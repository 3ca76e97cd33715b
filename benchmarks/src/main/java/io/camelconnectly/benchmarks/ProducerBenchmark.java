package io.camelconnectly.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * {@code connectly:sendMessage} against a bare Apache HttpClient 5 async client making the same requests to the same
 * loopback server, side by side in one run: throughput and p50/p99 latency at each concurrency, and the ratio.
 *
 * <p>
 * Run with {@code benchmarks/run-producer.sh} (flags: {@code --concurrency 1,64 --warmup 5 --duration 10 --rounds 2}).
 */
public final class ProducerBenchmark {

    private static final String API_KEY = "bench-api-key";
    private static final String BUSINESS_ID = "bench-business";
    private static final String RECIPIENT = "+16045550123";
    private static final String TEXT = "Hi Ana, your parcel A-1001 left our warehouse today.";
    private static final Buffer RESPONSE = Buffer.buffer("{\"id\":\"01HZX4Q7M2K9T3V8B6N1C5D0RA\"}");
    /** Requests the server answered: checks that each side really made the requests it counted. */
    static final AtomicLong SERVED = new AtomicLong();

    private ProducerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Vertx vertx = Vertx.vertx();
        HttpServer server = startServer(vertx);
        String baseUrl = "http://127.0.0.1:" + server.actualPort();
        System.out.printf(Locale.ROOT, "Loopback Connectly stand-in at %s; %d s warm-up, %d s measured, %d round(s)%n",
                baseUrl, options.warmupSeconds, options.durationSeconds, options.rounds);

        List<String[]> rows = new ArrayList<>();
        try (BareClientDriver bare = new BareClientDriver(baseUrl);
             ComponentDriver component = new ComponentDriver(baseUrl)) {
            for (int concurrency : options.concurrencies) {
                Result bestBare = null;
                Result bestComponent = null;
                for (int round = 0; round < options.rounds; round++) {
                    // alternate which side goes first so drift on a noisy machine hits both alike
                    Result b;
                    Result c;
                    if (round % 2 == 0) {
                        b = LoadLoop.run(bare, concurrency, options);
                        c = LoadLoop.run(component, concurrency, options);
                    } else {
                        c = LoadLoop.run(component, concurrency, options);
                        b = LoadLoop.run(bare, concurrency, options);
                    }
                    System.out.printf(Locale.ROOT, "  c=%d round %d: bare %s | component %s%n", concurrency, round + 1, b, c);
                    bestBare = bestBare == null || b.throughput > bestBare.throughput ? b : bestBare;
                    bestComponent = bestComponent == null || c.throughput > bestComponent.throughput ? c : bestComponent;
                }
                rows.add(new String[] {
                        String.valueOf(concurrency),
                        fmt(bestBare.throughput), ms(bestBare.p50), ms(bestBare.p99),
                        fmt(bestComponent.throughput), ms(bestComponent.p50), ms(bestComponent.p99),
                        String.format(Locale.ROOT, "%.1f%%", 100.0 * bestComponent.throughput / bestBare.throughput),
                        String.valueOf(bestBare.errors + bestComponent.errors) });
            }
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        System.out.println();
        System.out.println("sendMessage, best round per side (target: component >= 90% of bare throughput)");
        System.out.printf(Locale.ROOT, "%-11s | %-12s %-9s %-9s | %-12s %-9s %-9s | %-7s | %s%n",
                "concurrency", "bare req/s", "p50 ms", "p99 ms", "comp req/s", "p50 ms", "p99 ms", "ratio", "errors");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-11s | %-12s %-9s %-9s | %-12s %-9s %-9s | %-7s | %s%n", (Object[]) r);
        }
    }

    private static HttpServer startServer(Vertx vertx) throws Exception {
        return vertx.createHttpServer()
                .requestHandler(request -> request.body().onComplete(body -> {
                    SERVED.incrementAndGet();
                    request.response().putHeader("content-type", "application/json").end(RESPONSE);
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }

    /** One way of sending one sendMessage request; calls {@code done} exactly once. */
    interface Driver extends AutoCloseable {
        String name();

        void send(Completion done);
    }

    interface Completion {
        void complete(boolean ok);
    }

    /** The same request the component makes, by hand: POST, X-API-Key, JSON body, response read in full. */
    static final class BareClientDriver implements Driver {
        private final CloseableHttpAsyncClient client;
        private final String uri;
        private final byte[] body;

        BareClientDriver(String baseUrl) {
            PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(200).setMaxConnPerRoute(200).build();
            // what a careful hand-written client does too: no cookie store, redirects or automatic retries
            this.client = HttpAsyncClients.custom().setConnectionManager(pool)
                    .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
                    .build();
            this.client.start();
            this.uri = baseUrl + "/v1/businesses/" + BUSINESS_ID + "/send/messages";
            this.body = ("{\"recipient\":{\"id\":\"" + RECIPIENT + "\",\"channelType\":\"whatsapp\"},"
                         + "\"message\":{\"text\":\"" + TEXT + "\"}}").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String name() {
            return "bare HttpClient 5";
        }

        @Override
        public void send(Completion done) {
            SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                    .setHeader("X-API-Key", API_KEY)
                    .setHeader("Accept", "application/json")
                    .setBody(body, ContentType.APPLICATION_JSON)
                    .build();
            client.execute(request, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    done.complete(response.getCode() / 100 == 2 && response.getBodyBytes() != null);
                }

                @Override
                public void failed(Exception ex) {
                    done.complete(false);
                }

                @Override
                public void cancelled() {
                    done.complete(false);
                }
            });
        }

        @Override
        public void close() {
            client.close(CloseMode.GRACEFUL);
        }
    }

    /** The component's asynchronous producer, as a route's to("connectly:sendMessage") calls it. */
    static final class ComponentDriver implements Driver {
        private final CamelContext context;
        private final Endpoint endpoint;
        private final AsyncProducer producer;

        ComponentDriver(String baseUrl) throws Exception {
            context = new DefaultCamelContext();
            context.getPropertiesComponent().addInitialProperty("connectly.apiKey", API_KEY);
            context.start();
            endpoint = context.getEndpoint("connectly:sendMessage?apiKey={{connectly.apiKey}}&businessId=" + BUSINESS_ID
                                           + "&baseUrl=" + baseUrl + "&recipient=" + RECIPIENT.replace("+", "%2B"));
            producer = endpoint.createAsyncProducer();
            producer.start();
        }

        @Override
        public String name() {
            return "connectly:sendMessage";
        }

        @Override
        public void send(Completion done) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(TEXT);
            producer.process(exchange, doneSync -> done.complete(exchange.getException() == null));
        }

        @Override
        public void close() throws Exception {
            producer.stop();
            context.stop();
        }
    }

    record Result(double throughput, long p50, long p99, long errors, long completed, long served) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s p50 %s ms p99 %s ms errors %d (completed %d, server answered %d)",
                    throughput, ms(p50), ms(p99), errors, completed, served);
        }
    }

    static final class Options {
        int[] concurrencies = { 1, 64 };
        int warmupSeconds = 5;
        int durationSeconds = 10;
        int rounds = 2;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                String value = i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    throw new IllegalArgumentException("Flag " + flag + " needs a value");
                }
                switch (flag) {
                    case "--concurrency" -> {
                        String[] parts = value.split(",");
                        o.concurrencies = new int[parts.length];
                        for (int j = 0; j < parts.length; j++) {
                            o.concurrencies[j] = Integer.parseInt(parts[j].trim());
                        }
                    }
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(value);
                    case "--duration" -> o.durationSeconds = Integer.parseInt(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException(
                            "Unknown flag " + flag + "; allowed: --concurrency 1,64 --warmup SECONDS --duration SECONDS --rounds N");
                }
            }
            return o;
        }
    }
}
