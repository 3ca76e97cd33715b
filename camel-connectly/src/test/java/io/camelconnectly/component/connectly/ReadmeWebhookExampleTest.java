package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Java DSL consumer route of README.md ("Receiving webhooks"), verbatim, against the simulator: the simulator
 * signs and posts its webhooks to the route (registered with {@code connectly:createWebhook}), a customer's text is
 * answered with "Thanks, we got your text message" and the delivery statuses of that answer are only logged. The
 * placeholders are set from the simulator; only {@code baseUrl} is set on the component, as the README advises for
 * settings shared by every endpoint.
 */
class ReadmeWebhookExampleTest extends WebhookHttpTestSupport {

    private static final String CUSTOMER = "+16045550177";

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .businessId(ReadmeSnippets.applicationProperties().get("camel.component.connectly.business-id"))
            .webhookSecret("whsec_readme_7c1e")
            .statusDelay(Duration.ofMillis(20))
            .webhookRetryDelay(Duration.ofMillis(100))
            .webhookTimeout(Duration.ofSeconds(10))
            .eventLoops(1));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // only what README shows: its application.properties (the simulator's base URL as base-url) and variables
        context.addComponent("connectly", ReadmeSnippets.component(context,
                Map.of("camel.component.connectly.base-url", sim.baseUrl()),
                Map.of(ConnectlyComponent.ENV_API_KEY, sim.apiKey(), ConnectlyComponent.ENV_WEBHOOK_SECRET, sim.webhookSecret())));
        return context;
    }

    @Test
    void theRouteHereIsTheReadmesVerbatim() {
        ReadmeSnippets.assertVerbatimInReadme(ReadmeWebhookExampleTest.class, "Receiving webhooks, Java DSL");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // ---- README: Receiving webhooks, Java DSL (verbatim from here)
                from("connectly:webhook")                          // verified with CONNECTLY_WEBHOOK_SECRET
                    .choice()
                        .when(header(ConnectlyConstants.TOPIC).isEqualTo("delivery_status"))
                            .log("Message ${header.CamelConnectlyMessageId} is ${header.CamelConnectlyEventType}")
                        .otherwise()
                            // CamelConnectlyRecipient is already the customer's number: the reply needs no mapping
                            .setBody(simple("Thanks, we got your ${header.CamelConnectlyEventType} message"))
                            .to("connectly:sendMessage");
                // ---- README: end
            }
        };
    }

    @Test
    void aCustomerTextIsAnsweredAndTheDeliveryStatusesAreOnlyLogged() throws Exception {
        String address = baseUrl() + "/connectly/webhook";
        for (String topic : List.of("messages", "delivery_status")) {
            template.requestBody("connectly:createWebhook", Map.of("topic", topic, "address", address));
        }

        try (StandardErrorCapture log = StandardErrorCapture.start()) {
            sim.customer(CUSTOMER).sendsText("Where is my parcel?");

            await().atMost(Duration.ofSeconds(10)).until(() -> outbound().size() == 1);
            ChatMessage reply = outbound().get(0);
            assertThat(reply.kind()).isEqualTo(ChatMessage.Kind.TEXT);
            assertThat(reply.text()).isEqualTo("Thanks, we got your text message");

            // the simulator reports sent, delivered and read of the reply; the route logs each and sends nothing
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.text())
                    .contains("Message " + reply.id() + " is sent")
                    .contains("Message " + reply.id() + " is delivered")
                    .contains("Message " + reply.id() + " is read"));
            // the simulator records a delivery once it has our answer: 200 for each status
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.webhookDeliveries().stream()
                    .filter(d -> "delivery_status".equals(d.topic())).filter(WebhookDelivery::succeeded).count())
                    .isGreaterThanOrEqualTo(3));
            assertThat(sim.webhookDeliveries()).allMatch(WebhookDelivery::succeeded);
            assertThat(outbound()).as("no message is sent for a delivery status").extracting(ChatMessage::id)
                    .containsExactly(reply.id());
            assertThat(log.text()).doesNotContain(sim.webhookSecret()).doesNotContain(sim.apiKey());
        }
        ConnectlyEndpoint webhook = (ConnectlyEndpoint) context.getRoutes().get(0).getEndpoint();
        assertThat(webhook.getWebhooksRejected()).isZero();
        assertThat(webhook.getWebhooksRouteFailures()).isZero();
    }

    private List<ChatMessage> outbound() {
        return sim.get().conversation(CUSTOMER).stream().filter(ChatMessage::outbound).toList();
    }
}
