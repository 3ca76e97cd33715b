package io.camelconnectly.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.DeliveryStatus;
import io.camelconnectly.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order is shipped over HTTP, its template goes out, its delivery statuses come back to the YAML route, the
 * customer writes and is answered.
 */
@ExampleApplicationTest
@DisableJmx(false)
class ExampleRoundTripTest {

    @Autowired
    ConnectlySimulator simulator;
    @Autowired
    CamelContext camelContext;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> shipOrder(String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/shipped"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOrderNoticeGoesOutItsStatusesComeBackAndTheCustomersReplyIsAnswered() throws Exception {
        String customer = "+16045550177";

        HttpResponse<String> shipped = shipOrder("{\"phone\":\"" + customer + "\",\"name\":\"Ana\",\"orderId\":\"A-1001\"}");

        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        String messageId = new ObjectMapper().readTree(shipped.body()).path("messageId").asText();
        assertThat(messageId).isNotBlank();
        // the template reached the customer and was read; each status was posted back and processed (200)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(simulator.conversation(customer)).filteredOn(m -> messageId.equals(m.id()))
                    .singleElement().satisfies(m -> {
                        assertThat(m.text()).contains("Ana").contains("A-1001");
                        assertThat(m.status()).isEqualTo(DeliveryStatus.READ);
                    });
            assertThat(simulator.webhookDeliveries()).filteredOn(d -> d.body().contains(messageId))
                    .extracting(WebhookDelivery::status).containsExactly(200, 200, 200);
        });

        // the customer writes back: the YAML route answers within the 24-hour window
        simulator.customer(customer).named("Ana").sendsText("Great, when will it arrive?");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(simulator.conversation(customer))
                .filteredOn(ChatMessage::outbound).extracting(ChatMessage::text)
                .contains("Thanks for your message, we will get back to you shortly."));

        // the consumer recorded the customer's window in the application's database, where the reply's fallback reads it
        assertThat(windowsRecordedFor(customer)).isEqualTo(1);

        ConnectlyEndpoint webhook = (ConnectlyEndpoint) camelContext.getRoute("customer-conversations").getEndpoint();
        assertThat(webhook.getWebhooksProcessed()).isGreaterThanOrEqualTo(4);
        assertThat(webhook.getWebhooksRejected()).isZero();
    }

    @Test
    void anOrderWithABadPhoneNumberIsRefusedBeforeConnectlyIsCalled() throws Exception {
        long sendsBefore = sends();

        HttpResponse<String> refused = shipOrder("{\"phone\":\"12\",\"name\":\"Ana\",\"orderId\":\"A-1002\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("recipient");
        assertThat(sends()).isEqualTo(sendsBefore);
    }

    @Test
    void anOrderWithoutItsIdIsRefusedWithWhatTheBodyNeeds() throws Exception {
        long sendsBefore = sends();

        HttpResponse<String> refused = shipOrder("{\"phone\":\"+16045550123\",\"name\":\"Ana\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("order orderId", "the body needs phone, name and orderId");
        assertThat(sends()).isEqualTo(sendsBefore);
    }

    int windowsRecordedFor(String customer) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM CONNECTLY_CONVERSATION_WINDOW WHERE CUSTOMER = ?")) {
            query.setString(1, customer);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    long sends() {
        return simulator.requests().stream().filter(r -> r.path().contains("/send/")).count();
    }

    @Test
    void theHealthEndpointShowsTheWebhookConsumerUp() throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

        JsonNode camel = new ObjectMapper().readTree(health.body()).path("components").path("camelHealth");
        assertThat(camel.path("details").path("consumer:customer-conversations").asText()).as(health.body()).isEqualTo("UP");
    }
}
