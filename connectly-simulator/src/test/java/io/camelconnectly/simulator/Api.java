package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for the simulator's API in tests (JDK HttpClient over loopback). */
final class Api {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ConnectlySimulator sim;

    Api(ConnectlySimulator sim) {
        this.sim = sim;
    }

    String url(String operation) {
        return sim.baseUrl() + "/v1/businesses/" + sim.businessId() + "/" + operation;
    }

    Response post(String operation, String json) {
        return send("POST", url(operation), sim.apiKey(), json);
    }

    Response get(String operation) {
        return send("GET", url(operation), sim.apiKey(), null);
    }

    Response put(String operation, String json) {
        return send("PUT", url(operation), sim.apiKey(), json);
    }

    Response delete(String operation) {
        return send("DELETE", url(operation), sim.apiKey(), null);
    }

    Response sendText(String to, String text) {
        return post("send/messages", "{\"recipient\":{\"id\":\"" + to + "\",\"channelType\":\"whatsapp\"},\"message\":{\"text\":\""
                + text + "\"}}");
    }

    static Response send(String method, String url, String apiKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return new Response(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Response {
        final HttpResponse<String> raw;

        Response(HttpResponse<String> raw) {
            this.raw = raw;
        }

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
