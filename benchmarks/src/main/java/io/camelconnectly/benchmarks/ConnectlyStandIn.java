package io.camelconnectly.benchmarks;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Connectly stand-in of the producer benchmark, in its own JVM: a minimal Vert.x server that answers
 * {@code POST /v1/businesses/{id}/send/messages} as Connectly does ({@code {"id": ...}}) when the API key is right and a
 * body came, else 400. It counts what it answered, so a benchmark can check that each side really made the requests it
 * counted, and keeps the last accepted request so both sides' requests can be compared.
 * <p>
 * Commands on stdin: {@code stats} (requests accepted and rejected, and its own CPU, since the previous {@code stats}),
 * {@code sample} (the last accepted request), {@code quit}.
 */
public final class ConnectlyStandIn {

    static final String API_KEY = "bench-api-key";
    static final String BUSINESS_ID = "bench-business";
    static final String SEND_MESSAGE_PATH = "/v1/businesses/" + BUSINESS_ID + "/send/messages";
    private static final Buffer ACCEPTED = Buffer.buffer("{\"id\":\"01HZX4Q7M2K9T3V8B6N1C5D0RA\"}");
    private static final Buffer REJECTED = Buffer.buffer(
            "{\"message\":\"stand-in: wrong path, API key or no body\",\"code\":\"ERROR_CODE_BENCH\",\"cntTraceId\":\"0\"}");

    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile HttpServerRequest lastAccepted;
    private volatile Buffer lastAcceptedBody;

    private ConnectlyStandIn() {
    }

    public static void main(String[] args) throws Exception {
        new ConnectlyStandIn().run();
    }

    private void run() throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> answer(request, body)))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ChildCommands common = new ChildCommands();
        Protocol.reply("ready", Map.of("port", server.actualPort()));
        Protocol.serve(common.with(Map.of(
                "stats", args -> Protocol.reply("stats", common.probe().sinceLastCall(
                        Map.of("accepted", accepted.sum(), "rejected", rejected.sum()))),
                "sample", args -> Protocol.reply("sample", sample()))));
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void answer(HttpServerRequest request, Buffer body) {
        boolean ok = "POST".equals(request.method().name()) && SEND_MESSAGE_PATH.equals(request.path())
                     && API_KEY.equals(request.getHeader("X-API-Key")) && body.length() > 0;
        if (ok) {
            accepted.increment();
            lastAccepted = request;
            lastAcceptedBody = body;
        } else {
            rejected.increment();
        }
        request.response().setStatusCode(ok ? 200 : 400).putHeader("Content-Type", "application/json")
                .end(ok ? ACCEPTED : REJECTED);
    }

    private Map<String, Object> sample() {
        HttpServerRequest request = lastAccepted;
        Buffer body = lastAcceptedBody;
        Map<String, Object> values = new LinkedHashMap<>();
        if (request == null || body == null) {
            values.put("none", true);
            return values;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        // only headers that mean something to Connectly; the key as a yes/no, never its value
        headers.keySet().retainAll(Set.of("Content-Type", "Accept", "X-API-Key", "Content-Length"));
        headers.computeIfPresent("X-API-Key", (name, value) -> API_KEY.equals(value) ? "(right)" : "(wrong)");
        values.put("method", request.method().name());
        values.put("path", request.path());
        values.put("headers", headers);
        values.put("body", Base64.getEncoder().encodeToString(body.getBytes()));
        return values;
    }
}
