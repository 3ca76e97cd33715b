package io.camelconnectly.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.component.connectly.ConnectlyOperation;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.WebhookDelivery;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * connectly-source in a Camel Main application, as the README sets one up: connectly configured by
 * camel.component.connectly.*, the webhook served by Camel Main's own HTTP server (camel.server.enabled=true), the
 * routes loaded from YAML files. The simulator posts signed webhooks to it over loopback.
 */
class ConnectlySourceKameletTest {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(RoutesTestSupport.quickSimulator());

    @TempDir
    static Path dir;

    static Main main;
    static int port;

    @BeforeAll
    static void startApplication() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        Files.writeString(dir.resolve("thank-customer.yaml"), Readme.yaml("connectly-source"), StandardCharsets.UTF_8);
        // the webhook secret configured on the component only: the Kamelet falls back to it
        Files.writeString(dir.resolve("statuses.yaml"), """
                - route:
                    id: statuses
                    from:
                      uri: kamelet:connectly-source
                      parameters:
                        webhookPath: /connectly/statuses
                        topics: delivery_status
                      steps:
                        - to: mock:statuses
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("application.properties"), """
                camel.main.name = connectly-routes-test
                camel.main.routes-include-pattern = file:%s/*.yaml
                camel.server.enabled = true
                camel.server.host = 127.0.0.1
                camel.server.port = %d
                camel.component.connectly.api-key = %s
                camel.component.connectly.business-id = %s
                camel.component.connectly.base-url = %s
                camel.component.connectly.webhook-secret = %s
                connectly.webhook-secret = %s
                """.formatted(dir.toAbsolutePath(), port, SIM.apiKey(), SIM.businessId(), SIM.baseUrl(), SIM.webhookSecret(),
                SIM.webhookSecret()) + readmeKameletProperties(), StandardCharsets.UTF_8);
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + dir.resolve("application.properties").toAbsolutePath());
        main.start();
        RoutesTestSupport.registerWebhook(SIM, "messages", "http://127.0.0.1:" + port + "/connectly/webhook");
        RoutesTestSupport.registerWebhook(SIM, "delivery_status", "http://127.0.0.1:" + port + "/connectly/statuses");
    }

    /** The README's lines that configure Kamelets and the server's body limit (its credentials come from env there). */
    static String readmeKameletProperties() {
        String lines = Readme.block(Readme.introduction(), "properties", 0).lines()
                .filter(line -> line.startsWith("camel.beans.") || line.startsWith("camel.kamelet.")
                                || line.startsWith("camel.server.maxBodySize"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertThat(lines).contains("camel.kamelet.connectly-source.idempotentRepository").contains("camel.server.maxBodySize");
        return lines;
    }

    @AfterAll
    static void stopApplication() {
        if (main != null) {
            main.stop();
        }
    }

    private static List<ChatMessage> outbound(String customer) {
        return SIM.get().conversation(customer).stream().filter(ChatMessage::outbound).toList();
    }

    @Test
    void theReadmeRouteAnswersEveryCustomerMessage() {
        String customer = "+16045550801";

        SIM.customer(customer).sendsText("Do you deliver on Sundays?");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outbound(customer))
                .extracting(ChatMessage::text).containsExactly("Thanks, we got your text message"));
    }

    @Test
    void aFailedRouteIsAnswered500AndTheRedeliveryIsProcessedOnce() {
        String customer = "+16045550802";
        // the reply's send fails once (500 is never retried by the producer), so the route fails
        SIM.get().failNext(1, 500);

        SIM.customer(customer).sendsText("Anyone there?");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outbound(customer))
                .extracting(ChatMessage::text).containsExactly("Thanks, we got your text message"));
        // the reply goes out during the redelivery's route; its 200 is recorded once the route has completed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(SIM.webhookDeliveries().stream()
                .filter(delivery -> delivery.body().contains(customer) && "messages".equals(delivery.topic()))
                .map(WebhookDelivery::status)).containsExactly(500, 200));
    }

    @Test
    void aKameletParameterSetOnceInApplicationPropertiesServesEveryUse() {
        Object shared = main.getCamelContext().getRegistry().lookupByName("webhookDedupe");
        List<ConnectlyEndpoint> webhooks = main.getCamelContext().getEndpoints().stream()
                .filter(ConnectlyEndpoint.class::isInstance).map(ConnectlyEndpoint.class::cast)
                .filter(endpoint -> endpoint.getConfiguration().getOperation() == ConnectlyOperation.webhook).toList();

        assertThat(shared).isNotNull();
        assertThat(webhooks).hasSize(2).allSatisfy(endpoint -> assertThat(endpoint.getConfiguration().getIdempotentRepository())
                .isSameAs(shared));
    }

    @Test
    void deliveryStatusesArriveTypedWithTheirHeadersUsingTheComponentsSecret() throws Exception {
        MockEndpoint statuses = main.getCamelContext().getEndpoint("mock:statuses", MockEndpoint.class);
        String customer = "+16045550803";
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        Exchange sent = template.send("connectly:sendTemplatedMessage?templateName=welcome",
                exchange -> exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer));
        String id = sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(statuses.getReceivedExchanges().stream()
                .map(Exchange::getMessage)
                .filter(message -> id.equals(message.getHeader(ConnectlyConstants.STATUS_UPDATE_ID)))
                .map(message -> message.getHeader(ConnectlyConstants.EVENT_TYPE)))
                .containsExactlyInAnyOrder("sent", "delivered", "read"));
        statuses.getReceivedExchanges().stream().map(Exchange::getMessage)
                .filter(message -> id.equals(message.getHeader(ConnectlyConstants.MESSAGE_ID)))
                .forEach(message -> {
                    assertThat(message.getBody()).isInstanceOf(DeliveryStatusEvent.class);
                    assertThat(message.getHeader(ConnectlyConstants.TOPIC)).isEqualTo("delivery_status");
                    assertThat(message.getHeader(ConnectlyConstants.CUSTOMER_NUMBER)).isEqualTo(customer);
                });
    }
}
