package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.model.GetWebhooksResponse;
import io.camelconnectly.component.connectly.model.InteractiveButton;
import io.camelconnectly.component.connectly.model.InteractiveFooter;
import io.camelconnectly.component.connectly.model.ListMessage;
import io.camelconnectly.component.connectly.model.ListRow;
import io.camelconnectly.component.connectly.model.ListSection;
import io.camelconnectly.component.connectly.model.ReplyButtonMessage;
import io.camelconnectly.component.connectly.model.SessionMessage;
import io.camelconnectly.component.connectly.model.UpdateWebhookRequest;
import io.camelconnectly.component.connectly.model.Webhook;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageType;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component and the simulator together over loopback HTTP, in both directions: producers send to the simulator,
 * the simulator posts signed webhooks to a {@code connectly:webhook} route served by platform-http (Vert.x) on a free
 * port, and that route registers itself with the simulator when it starts. One simulator per test (an instance
 * extension), so no event of one test can reach another.
 */
class EndToEndTest extends WebhookHttpTestSupport {

    static final String WEBHOOK_PATH = "/connectly/webhook";
    static final String FAILING_NUMBER = "+16045550999";
    static final Map<String, String> ORDER = Map.of("orderId", "A-1001");

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(simulatorSettings());

    /** Set by a test: the first delivered status for this customer fails in the route (once). */
    private final AtomicReference<String> failFirstDeliveredFor = new AtomicReference<>();
    private final AtomicInteger injectedFailures = new AtomicInteger();

    static ConnectlySimulator.Builder simulatorSettings() {
        return ConnectlySimulator.builder()
                .apiKey("sim-key-e2e-3b9f")
                .businessId("biz-e2e")
                .webhookSecret("whsec_e2e_4d8a1c")
                .statusDelay(Duration.ofMillis(20))
                .webhookRetryDelay(Duration.ofMillis(100))
                .webhookTimeout(Duration.ofSeconds(10)) // a slow build machine must not turn an answer into a timeout
                .failingNumbers(FAILING_NUMBER)
                .eventLoops(1);
    }

    /** The simulator's coordinates as property placeholders, the way an application configures them. */
    static Properties connectlyProperties(ConnectlySimulatorExtension sim) {
        Properties properties = new Properties();
        properties.setProperty("connectly.api-key", sim.apiKey());
        properties.setProperty("connectly.business-id", sim.businessId());
        properties.setProperty("connectly.base-url", sim.baseUrl());
        properties.setProperty("connectly.webhook-secret", sim.webhookSecret());
        return properties;
    }

    static String webhookUri(int port) {
        return "connectly:webhook?webhookSecret={{connectly.webhook-secret}}&webhookAutoRegister=true"
               + "&webhookExternalUrl=http://127.0.0.1:" + port + WEBHOOK_PATH
               + "&apiKey={{connectly.api-key}}&businessId={{connectly.business-id}}&baseUrl={{connectly.base-url}}";
    }

    static final String SEND_OPTIONS = "apiKey={{connectly.api-key}}&businessId={{connectly.business-id}}"
                                       + "&baseUrl={{connectly.base-url}}";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().setOverrideProperties(connectlyProperties(sim));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri(port)).routeId("connectly-events")
                        .process(exchange -> {
                            Message in = exchange.getMessage();
                            String customer = failFirstDeliveredFor.get();
                            if (customer != null && "delivered".equals(in.getHeader(ConnectlyConstants.EVENT_TYPE))
                                    && customer.equals(in.getHeader(ConnectlyConstants.CUSTOMER_NUMBER))
                                    && failFirstDeliveredFor.compareAndSet(customer, null)) {
                                injectedFailures.incrementAndGet();
                                throw new IllegalStateException("database unavailable (injected, once)");
                            }
                        })
                        .choice()
                            .when(header(ConnectlyConstants.TOPIC).isEqualTo("delivery_status"))
                                .to("mock:statuses")
                            .when(header(ConnectlyConstants.EVENT_TYPE).isEqualTo("text"))
                                // CamelConnectlyRecipient is the customer already: no mapping
                                .setBody(simple("Thanks for your message: ${body.text}"))
                                .to("connectly:sendMessage?" + SEND_OPTIONS)
                                .to("mock:replied")
                            .otherwise()
                                .to("mock:inbound");

                // a consumer that was given the wrong secret: nothing the simulator signs may reach its route
                from("connectly:webhook?webhookPath=/wrong-secret&webhookSecret=whsec_not_the_one").routeId("wrong-secret")
                        .to("mock:wrongSecret");
            }
        };
    }

    private List<Message> statuses(String messageId) {
        return getMockEndpoint("mock:statuses").getReceivedExchanges().stream()
                .map(Exchange::getMessage)
                .filter(m -> messageId.equals(m.getHeader(ConnectlyConstants.STATUS_UPDATE_ID)))
                .toList();
    }

    private static List<String> eventTypes(List<Message> messages) {
        return messages.stream().map(m -> m.getHeader(ConnectlyConstants.EVENT_TYPE, String.class)).toList();
    }

    /** Sends order_shipped with the order as callbackData and returns the message id. */
    private String sendOrderShipped(String customer) {
        Exchange exchange = template.send("connectly:sendTemplatedMessage?templateName=order_shipped&" + SEND_OPTIONS, e -> {
            e.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            e.getMessage().setHeader(ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("body_1", "Ana", "body_2", "A-1001"));
            e.getMessage().setHeader(ConnectlyConstants.CALLBACK_DATA, ORDER);
        });
        assertThat(exchange.getException()).isNull();
        String id = exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        assertThat(id).isNotBlank();
        return id;
    }

    @Test
    void theConsumerRegistersItsAddressForBothTopicsOnStart() throws Exception {
        HttpResponse<String> listed = client.send(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/v1/businesses/" + sim.businessId() + "/webhooks"))
                .header("X-API-Key", sim.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode webhooks = ConnectlyJson.mapper().readTree(listed.body()).path("entity").path("webhooks");
        assertThat(webhooks).hasSize(2);
        assertThat(webhooks.findValuesAsText("topic")).containsExactlyInAnyOrder("messages", "delivery_status");
        assertThat(webhooks.findValuesAsText("address")).containsOnly(baseUrl() + WEBHOOK_PATH);
    }

    @Test
    void deliveryStatusesAndAButtonReplyComeBackWithTheCallbackData() {
        String customer = "+16045550301";
        String id = sendOrderShipped(customer);

        // (a) sent, delivered, read, each correlated by statusUpdate.id and carrying our callbackData
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(eventTypes(statuses(id))).containsExactlyInAnyOrder("sent", "delivered", "read"));
        for (Message status : statuses(id)) {
            assertThat(status.getHeader(ConnectlyConstants.STATUS_UPDATE_ID)).isEqualTo(id);
            assertThat(status.getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(id);
            assertThat(status.getHeader(ConnectlyConstants.CALLBACK_DATA)).isEqualTo(ORDER);
            assertThat(status.getHeader(ConnectlyConstants.CUSTOMER_NUMBER)).isEqualTo(customer);
            assertThat(status.getBody(DeliveryStatusEvent.class).getStatusUpdateId()).isEqualTo(id);
            assertThat(status.getHeader(ConnectlyConstants.TIMESTAMP, Instant.class)).isNotNull();
        }
        // the simulator's signatures verify with the shared secret
        ConnectlyEndpoint endpoint = (ConnectlyEndpoint) context.getRoute("connectly-events").getEndpoint();
        assertThat(endpoint.getWebhooksVerified()).isGreaterThanOrEqualTo(3);
        assertThat(endpoint.getWebhooksRejected()).isZero();

        // (c) the customer presses a button on that message: the reply quotes it and echoes its callbackData
        sim.customer(customer).repliesWithButton(id, "Track my order", "track");

        MockEndpoint inbound = getMockEndpoint("mock:inbound");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.getReceivedCounter() == 1);
        Message reply = inbound.getReceivedExchanges().get(0).getMessage();
        assertThat(reply.getHeader(ConnectlyConstants.EVENT_TYPE)).isEqualTo("button_reply");
        assertThat(reply.getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(id);
        assertThat(reply.getHeader(ConnectlyConstants.CALLBACK_DATA)).isEqualTo(ORDER);
        assertThat(reply.getHeader(ConnectlyConstants.RECIPIENT)).isEqualTo(customer);
        InboundMessageEvent event = reply.getBody(InboundMessageEvent.class);
        assertThat(event.getType()).isEqualTo(InboundMessageType.BUTTON_REPLY);
        assertThat(event.getButtonResponse().payload()).isEqualTo("track");
        assertThat(event.getReplyToId()).isEqualTo(id);
    }

    @Test
    void interactiveSessionMessagesGetListRepliesAndReactionsBackTyped() {
        String customer = "+16045550304";
        sim.customer(customer).sendsText("Can I change my delivery day?"); // opens the window (and gets the auto-answer)
        SessionMessage list = new SessionMessage().withListMessage(new ListMessage()
                .withButton(new InteractiveButton().withId("days").withText("Pick a day"))
                .withSections(List.of(new ListSection().withTitle("This week").withRows(List.of(
                        new ListRow().withId("thu").withText("Thursday"),
                        new ListRow().withId("fri").withText("Friday").withDescription("after 2 pm"))))));
        SessionMessage buttons = new SessionMessage().withReplyButtonMessage(new ReplyButtonMessage()
                .withFooter(new InteractiveFooter().withText("Reply any time"))
                .withButtons(List.of(new InteractiveButton().withId("yes").withText("Yes"))));

        String listId = sendSession(customer, list);
        String buttonsId = sendSession(customer, buttons);
        sim.customer(customer).repliesWithListRow(listId, "fri", "Friday", "after 2 pm");
        sim.customer(customer).reactsTo(buttonsId, "\uD83D\uDC4D");

        MockEndpoint inbound = getMockEndpoint("mock:inbound");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.getReceivedCounter() == 2);
        Message listReply = inbound.getReceivedExchanges().stream().map(Exchange::getMessage)
                .filter(m -> "list_reply".equals(m.getHeader(ConnectlyConstants.EVENT_TYPE))).findFirst().orElseThrow();
        assertThat(listReply.getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(listId);
        assertThat(listReply.getHeader(ConnectlyConstants.CALLBACK_DATA)).isEqualTo(ORDER);
        assertThat(listReply.getBody(InboundMessageEvent.class).getListResponse())
                .isEqualTo(new InboundMessageEvent.ListResponse("fri", "Friday", "after 2 pm"));
        Message reaction = inbound.getReceivedExchanges().stream().map(Exchange::getMessage)
                .filter(m -> "reaction".equals(m.getHeader(ConnectlyConstants.EVENT_TYPE))).findFirst().orElseThrow();
        assertThat(reaction.getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(buttonsId);
        assertThat(reaction.getBody(InboundMessageEvent.class).getReaction().emoji()).isEqualTo("\uD83D\uDC4D");
    }

    private String sendSession(String customer, SessionMessage message) {
        Exchange exchange = template.send("connectly:sendMessage?" + SEND_OPTIONS, e -> {
            e.getMessage().setBody(message);
            e.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            e.getMessage().setHeader(ConnectlyConstants.CALLBACK_DATA, ORDER);
        });
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
    }

    @Test
    void aCustomerTextIsAnsweredThroughSendMessageWithNoMapping() {
        String customer = "+16045550302";

        sim.customer(customer).named("Ana").sendsText("Where is my order?");

        // (b) the route's connectly:sendMessage reached the simulator: the customer sees the answer
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.get().conversation(customer))
                .extracting(ChatMessage::outbound, ChatMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "Where is my order?"),
                        org.assertj.core.groups.Tuple.tuple(true, "Thanks for your message: Where is my order?")));
        MockEndpoint replied = getMockEndpoint("mock:replied");
        assertThat(replied.getReceivedCounter()).isEqualTo(1);
        String replyId = replied.getReceivedExchanges().get(0).getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        assertThat(sim.get().conversation(customer).get(1).id()).isEqualTo(replyId);
        // and the answer's own statuses come back too
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(eventTypes(statuses(replyId))).containsExactlyInAnyOrder("sent", "delivered", "read"));
    }

    @Test
    void aRouteFailureIsAnswered5xxRedeliveredAndProcessedOnce() {
        String customer = "+16045550303";
        failFirstDeliveredFor.set(customer);

        String id = sendOrderShipped(customer);

        // (d) the simulator saw attempt 1 of the delivered event fail with 500 and attempt 2 succeed
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<WebhookDelivery> delivered = sim.webhookDeliveries().stream()
                    .filter(d -> d.body().contains(id) && d.body().contains("\"delivered\""))
                    .toList();
            assertThat(delivered).extracting(WebhookDelivery::attempt, WebhookDelivery::status, WebhookDelivery::willRetry)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500, true),
                            org.assertj.core.groups.Tuple.tuple(2, 200, false));
            assertThat(delivered.get(0).eventId()).isEqualTo(delivered.get(1).eventId());
            assertThat(delivered.get(0).body()).isEqualTo(delivered.get(1).body());
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(eventTypes(statuses(id))).containsExactlyInAnyOrder("sent", "delivered", "read"));
        assertThat(injectedFailures).hasValue(1);
        // every status event was answered 2xx in the end, and the consumer counted the one failure
        assertThat(sim.webhookDeliveries()).filteredOn(d -> d.body().contains(id))
                .filteredOn(d -> !d.succeeded())
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(500));
        ConnectlyEndpoint endpoint = (ConnectlyEndpoint) context.getRoute("connectly-events").getEndpoint();
        assertThat(endpoint.getWebhooksRouteFailures()).isEqualTo(1);
        assertThat(endpoint.getWebhooksDuplicates()).isZero();
    }

    @Test
    void postsSignedWithAnotherSecretAreRefusedWith401AndRedelivered() {
        // move the delivery_status registration to the consumer with the wrong secret
        GetWebhooksResponse listed = template.requestBody("connectly:getWebhooks?" + SEND_OPTIONS, null, GetWebhooksResponse.class);
        Webhook statuses = listed.webhooks().stream().filter(w -> "delivery_status".equals(w.getTopic())).findFirst().orElseThrow();
        Exchange moved = template.send("connectly:updateWebhook?" + SEND_OPTIONS, e -> {
            e.getMessage().setBody(new UpdateWebhookRequest().withAddress(baseUrl() + "/wrong-secret"));
            e.getMessage().setHeader(ConnectlyConstants.WEBHOOK_ID, statuses.getId());
        });
        assertThat(moved.getException()).isNull();

        String id = sendOrderShipped("+16045550305");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.webhookDeliveries())
                .filteredOn(d -> d.body().contains(id) && d.body().contains("\"sent\""))
                .extracting(WebhookDelivery::attempt, WebhookDelivery::status, WebhookDelivery::willRetry)
                .startsWith(org.assertj.core.groups.Tuple.tuple(1, 401, true), org.assertj.core.groups.Tuple.tuple(2, 401, true)));
        assertThat(getMockEndpoint("mock:wrongSecret").getReceivedCounter()).isZero();
        assertThat(statuses(id)).isEmpty();
        ConnectlyEndpoint wrong = (ConnectlyEndpoint) context.getRoute("wrong-secret").getEndpoint();
        assertThat(wrong.getWebhooksRejectedSignature()).isPositive();
        assertThat(wrong.getWebhooksProcessed()).isZero();
    }

    @Test
    void aMessageToAFailingNumberEndsInDeliveryFailedWithItsErrorCode() {
        String id = sendOrderShipped(FAILING_NUMBER);

        // (e)
        await().atMost(Duration.ofSeconds(10)).until(() -> !statuses(id).isEmpty());
        Message failed = statuses(id).get(0);
        assertThat(failed.getHeader(ConnectlyConstants.EVENT_TYPE)).isEqualTo("delivery_failed");
        assertThat(failed.getHeader(ConnectlyConstants.CALLBACK_DATA)).isEqualTo(ORDER);
        DeliveryStatusEvent event = failed.getBody(DeliveryStatusEvent.class);
        assertThat(event.getError().getCode()).isEqualTo("ERROR_CODE_MESSAGE_UNDELIVERABLE");
        assertThat(event.getError().getCntTraceId()).isNotBlank();
        assertThat(sim.get().conversation(FAILING_NUMBER)).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(io.camelconnectly.simulator.DeliveryStatus.DELIVERY_FAILED));
        // no sent/delivered/read follow a failure
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> statuses(id).size() == 1);
    }
}
