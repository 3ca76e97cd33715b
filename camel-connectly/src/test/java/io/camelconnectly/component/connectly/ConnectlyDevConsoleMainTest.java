package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's way to see the dev console: Camel Main with camel-console and the management server
 * ({@code camel.main.devConsoleEnabled}, {@code camel.management.*}), read over HTTP at {@code /q/dev/connectly}.
 */
class ConnectlyDevConsoleMainTest {

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(ConnectlySimulator.builder().apiKey("sim-key-console-4e1a"));

    @TempDir
    Path dir;

    private Main main;

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void managementServerServesTheConsoleAsJsonAndText() throws Exception {
        // Connectly sends session messages only within 24 hours of the customer's last message
        sim.customer("+16045550177").sendsText("Hi!");
        int managementPort = AvailablePortFinder.getNextAvailable();
        int serverPort = AvailablePortFinder.getNextAvailable();
        Path file = dir.resolve("application.properties");
        Files.writeString(file, """
                camel.main.devConsoleEnabled=true
                camel.management.enabled=true
                camel.management.host=127.0.0.1
                camel.management.port=%d
                camel.management.devConsoleEnabled=true
                camel.server.enabled=true
                camel.server.host=127.0.0.1
                camel.server.port=%d
                camel.server.maxBodySize=1048576
                camel.component.connectly.api-key=%s
                camel.component.connectly.business-id=%s
                camel.component.connectly.base-url=%s
                """.formatted(managementPort, serverPort, sim.apiKey(), sim.businessId(), sim.baseUrl()),
                StandardCharsets.UTF_8);
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + file.toAbsolutePath());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("connectly:sendMessage?recipient=%2B16045550177");
                from("connectly:webhook?webhookSecret=RAW(" + SECRET + ")").to("log:events");
            }
        });
        main.start();

        Exchange sent = main.getCamelContext().createProducerTemplate().send("direct:send",
                exchange -> exchange.getMessage().setBody("Hello from the console test"));
        assertThat(sent.getException()).isNull();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String url = "http://127.0.0.1:" + managementPort + "/q/dev/connectly";
        HttpResponse<String> json = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> text = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(text.statusCode()).isEqualTo(200);
        JsonNode endpoints = ConnectlyJson.mapper().readTree(json.body()).findPath("endpoints");
        assertThat(endpoints.isArray()).as(json.body()).isTrue();
        JsonNode producer = null;
        JsonNode webhook = null;
        for (JsonNode endpoint : endpoints) {
            if ("sendMessage".equals(endpoint.path("operation").asText())) {
                producer = endpoint;
            } else if ("webhook".equals(endpoint.path("operation").asText())) {
                webhook = endpoint;
            }
        }
        assertThat(producer).as(json.body()).isNotNull();
        assertThat(webhook).as(json.body()).isNotNull();
        assertThat(producer.path("businessId").asText()).isEqualTo(sim.businessId());
        assertThat(producer.path("baseUrl").asText()).isEqualTo(sim.baseUrl());
        assertThat(producer.path("producer").path("succeeded").asLong()).isEqualTo(1);
        assertThat(webhook.path("webhook").path("received").asLong()).isZero();
        assertThat(text.body()).contains("operation: sendMessage", "succeeded: 1", "operation: webhook");
        for (String body : new String[] { json.body(), text.body() }) {
            assertThat(body).doesNotContain(sim.apiKey()).doesNotContain(SECRET);
        }
    }
}
