package io.camelconnectly.component.connectly.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny stand-in for Connectly's webhook API on loopback: answers with scripted responses (in order, per method and
 * path prefix) and records every request, so tests can check exactly what was called.
 */
public final class RecordingConnectlyServer implements AutoCloseable {

    public record Request(String method, String path, String apiKey, String contentType, String body) {
    }

    private record Scripted(String method, String path, int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> script = new ArrayDeque<>();

    public RecordingConnectlyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("X-API-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            Scripted answer = next(method, path);
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** Queues the answer to the next request with this method whose path ends with {@code pathSuffix}. */
    public RecordingConnectlyServer on(String method, String pathSuffix, int status, String body) {
        synchronized (script) {
            script.add(new Scripted(method, pathSuffix, status, body));
        }
        return this;
    }

    private Scripted next(String method, String path) {
        synchronized (script) {
            for (Scripted candidate : script) {
                if (candidate.method().equals(method) && path.endsWith(candidate.path())) {
                    script.remove(candidate);
                    return candidate;
                }
            }
        }
        return new Scripted(method, path, 404, "{\"code\":\"NOT_SCRIPTED\",\"message\":\"no scripted answer\"}");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
