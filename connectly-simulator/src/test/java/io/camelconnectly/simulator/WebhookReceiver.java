package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/** A real HTTP endpoint on loopback that records the webhook posts it receives and answers scripted statuses. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String contentType, String signature, String body) {
        JsonNode json() {
            try {
                return Api.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Statuses to answer next, in order; 200 once empty. A negative value means: do not answer for that many ms. */
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("content-type"),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER), new String(body, StandardCharsets.UTF_8)));
            Integer status = script.poll();
            if (status != null && status < 0) {
                try {
                    Thread.sleep(-status);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answerNext(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<JsonNode> statusEvents(String messageId) {
        return received.stream().map(Received::json)
                .filter(j -> messageId.equals(j.path("statusUpdate").path("id").asText()))
                .collect(Collectors.toList());
    }

    List<String> statuses(String messageId) {
        return statusEvents(messageId).stream().map(j -> j.path("statusUpdate").path("status").asText())
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
