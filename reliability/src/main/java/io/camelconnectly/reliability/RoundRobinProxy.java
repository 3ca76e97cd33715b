package io.camelconnectly.reliability;

import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The load balancer in front of the instances, as a plain reverse proxy does it: each request goes to the next
 * instance in turn (round robin, no health checks, no retry of a POST on another instance); an instance that refuses
 * the connection, cuts it, or does not answer in time gets the client a 502. Everything runs on Vert.x event loops.
 */
final class RoundRobinProxy implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110 7.6.1) and the ones Vert.x sets itself: not copied between the two sides. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final Vertx vertx;
    private final List<Integer> backendPorts;
    private final long timeoutMillis;
    private final HttpClient client;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong[] answered;
    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong cut = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private HttpServer server;

    RoundRobinProxy(Vertx vertx, List<Integer> backendPorts, long timeoutMillis) {
        this.vertx = vertx;
        this.backendPorts = List.copyOf(backendPorts);
        this.timeoutMillis = timeoutMillis;
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) timeoutMillis))
                // as many connections to an instance as the simulator has posts in flight (Vert.x's default is 5)
                .with(new PoolOptions().setHttp1MaxSize(64))
                // a reset by a killed instance fails its request (a 502, counted); no need to log it as well
                .withConnectHandler(connection -> connection.exceptionHandler(ignored -> {
                }))
                .build();
        this.answered = new AtomicLong[backendPorts.size()];
        for (int i = 0; i < backendPorts.size(); i++) {
            answered[i] = new AtomicLong();
        }
    }

    /** Listens on a free port of 127.0.0.1 and returns it. */
    int start() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")).requestHandler(this::forward);
        return server.listen(0).toCompletionStage().toCompletableFuture().get().actualPort();
    }

    private void forward(HttpServerRequest request) {
        int backend = Math.floorMod(next.getAndIncrement(), backendPorts.size());
        request.body().onSuccess(body -> {
            RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                    .setPort(backendPorts.get(backend)).setURI(request.uri()).setTimeout(timeoutMillis)
                    .setHeaders(MultiMap.caseInsensitiveMultiMap());
            copy(request.headers(), options.getHeaders());
            client.request(options)
                    .compose(outbound -> outbound.send(body))
                    .compose(response -> response.body().map(answer -> new Answer(response.statusCode(), response.headers(), answer)))
                    .onComplete(result -> {
                        if (result.succeeded()) {
                            answered[backend].incrementAndGet();
                            Answer answer = result.result();
                            statuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
                            copy(answer.headers(), request.response().headers());
                            request.response().setStatusCode(answer.status()).end(answer.body());
                        } else {
                            count(result.cause());
                            request.response().setStatusCode(502).end();
                        }
                    });
        });
    }

    private void count(Throwable failure) {
        if (failure instanceof ConnectException) {
            refused.incrementAndGet();
        } else if (failure instanceof TimeoutException) {
            timedOut.incrementAndGet();
        } else {
            cut.incrementAndGet();
        }
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, value);
            }
        });
    }

    /** Answers instance {@code index} gave (any status). */
    long answered(int index) {
        return answered[index].get();
    }

    /** The instances' answers by HTTP status. */
    Map<Integer, Long> answersByStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    /** 502 because an instance refused the connection (it was down). */
    long refused() {
        return refused.get();
    }

    /** 502 because an instance closed or reset the connection before answering (it died mid-request). */
    long cut() {
        return cut.get();
    }

    /** 502 because an instance did not answer in time. */
    long timedOut() {
        return timedOut.get();
    }

    @Override
    public void close() {
        Future.join(server != null ? server.close() : Future.succeededFuture(), client.close())
                .toCompletionStage().toCompletableFuture().join();
    }

    private record Answer(int status, MultiMap headers, Buffer body) {
    }
}
