package io.camelconnectly.component.connectly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.test.AvailablePortFinder;

/**
 * A loopback HTTP server for tests: records every request (method, path, headers, body) and answers with scripted
 * responses, chosen by the path's ending. The last response scripted for a path is repeated; unscripted paths answer
 * 200 with a send-message id. Used for the producer's calls and for webhook registration.
 */
public final class RecordingHttpServer implements AutoCloseable {

    public static final String DEFAULT_MESSAGE_ID = "01HZX4Q7M2K9T3V8B6N1C5D0RA";

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY each answer waits for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** One recorded request. */
    public static final class Recorded {
        public final String method;
        public final String path;
        public final Map<String, String> headers;
        public final byte[] body;
        public final long receivedNanos;

        Recorded(String method, String path, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
            this.receivedNanos = System.nanoTime();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() throws IOException {
            return ConnectlyJson.mapper().readTree(body);
        }
    }

    /** A scripted answer. */
    public static final class Reply {
        final int status;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();
        long delayMillis;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
        }

        public Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Answers late, to provoke a response timeout. */
        public Reply delay(long millis) {
            this.delayMillis = millis;
            return this;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();

    public RecordingHttpServer() throws IOException {
        this(null);
    }

    /** An HTTPS server when sslContext is given. */
    public RecordingHttpServer(javax.net.ssl.SSLContext sslContext) throws IOException {
        // not port 0: the OS may hand out the port AvailablePortFinder just gave a test's Vert.x server, which then
        // fails to bind with only a WARN and the webhook posts land here
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                AvailablePortFinder.getNextAvailable());
        if (sslContext != null) {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(sslContext));
            server = https;
        } else {
            server = HttpServer.create(loopback, 0);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https://localhost:" : "http://127.0.0.1:")
               + server.getAddress().getPort();
    }

    /** Scripts the answers to requests whose path ends with pathSuffix, in order; the last one repeats. */
    public RecordingHttpServer on(String pathSuffix, Reply... answers) {
        Deque<Reply> queue = replies.computeIfAbsent(pathSuffix, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (Reply answer : answers) {
                queue.addLast(answer);
            }
        }
        return this;
    }

    public static Reply reply(int status, String body) {
        return new Reply(status, body);
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    public List<Recorded> requestsTo(String pathSuffix) {
        List<Recorded> matching = new ArrayList<>();
        for (Recorded r : requests) {
            if (r.path.endsWith(pathSuffix)) {
                matching.add(r);
            }
        }
        return matching;
    }

    public Recorded last() {
        return requests.get(requests.size() - 1);
    }

    public void reset() {
        requests.clear();
        replies.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path, headers, body));

            Reply reply = pick(path);
            if (reply.delayMillis > 0) {
                try {
                    Thread.sleep(reply.delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = reply.body == null ? new byte[0] : reply.body.getBytes(StandardCharsets.UTF_8);
            if (answer.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** The script of the longest matching path suffix (so /create/webhooks is not taken for /webhooks). */
    private Reply pick(String path) {
        String best = null;
        for (String suffix : replies.keySet()) {
            if (path.endsWith(suffix) && (best == null || suffix.length() > best.length())) {
                best = suffix;
            }
        }
        Deque<Reply> queue = best == null ? null : replies.get(best);
        if (queue != null) {
            synchronized (queue) {
                if (queue.size() > 1) {
                    return queue.pollFirst();
                }
                if (!queue.isEmpty()) {
                    return queue.peekFirst();
                }
            }
        }
        return new Reply(200, "{\"id\":\"" + DEFAULT_MESSAGE_ID + "\"}");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
