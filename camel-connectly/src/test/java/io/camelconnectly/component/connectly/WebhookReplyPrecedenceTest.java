package io.camelconnectly.component.connectly;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipient and callbackData the webhook consumer puts on an inbound event are defaults for a reply: a plain
 * {@code .to("connectly:sendMessage")} answers the customer with no mapping, an option written on the endpoint URI wins
 * over them (an alert to an agent goes to the agent), and a header the route sets itself still wins over the option.
 * The same through {@code connectly:webhook} and through Camel's {@code webhook:} meta-component.
 */
class WebhookReplyPrecedenceTest extends WebhookHttpTestSupport {

    /** The customer of webhook-inbound-button-reply.json, and the callbackData it echoes. */
    private static final String CUSTOMER = "+16045550123";
    private static final String AGENT = "+14155550199";
    private static final String SUPERVISOR = "+14155550142";

    private final RecordingHttpServer connectly = new RecordingHttpServer();

    WebhookReplyPrecedenceTest() throws Exception {
    }

    @AfterEach
    void stopConnectly() {
        connectly.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ConnectlyComponent component = new ConnectlyComponent();
        component.getConfiguration().setApiKey("test-key");
        component.getConfiguration().setBusinessId("biz-1");
        component.getConfiguration().setBaseUrl(connectly.baseUrl());
        context.addComponent("connectly", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String alert = "connectly:sendMessage?recipient=" + AGENT.replace("+", "%2B") + "&callbackData=alert-7";
        String meta = "webhook:connectly:webhook?webhookComponentName=platform-http&webhookAutoRegister=false&webhookSecret="
                      + SECRET + "&webhookPath=";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=/reply&webhookSecret=" + SECRET)
                        .setBody(constant("Thanks!")).to("connectly:sendMessage");
                from("connectly:webhook?webhookPath=/alert&webhookSecret=" + SECRET)
                        .setBody(constant("Customer needs help")).to(alert);
                from("connectly:webhook?webhookPath=/escalate&webhookSecret=" + SECRET)
                        .setHeader(ConnectlyConstants.RECIPIENT, constant(SUPERVISOR))
                        .setBody(constant("Escalated")).to(alert);
                from(meta + "/meta-reply").setBody(constant("Thanks!")).to("connectly:sendMessage");
                from(meta + "/meta-alert").setBody(constant("Customer needs help")).to(alert);
            }
        };
    }

    private JsonNode deliver(String path) throws Exception {
        connectly.reset();
        connectly.on("/send/messages", reply(200, "{\"id\":\"out-1\"}"));
        byte[] body = bytes("webhook-inbound-button-reply.json");
        assertThat(post(path, body, sign(body)).body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(connectly.requestsTo("/send/messages")).hasSize(1);
        return connectly.last().json();
    }

    @Test
    void aPlainReplyGoesToTheCustomerWithTheEchoedCallbackData() throws Exception {
        for (String path : new String[] { "/reply", "/meta-reply" }) {
            JsonNode sent = deliver(path);
            assertThat(sent.path("recipient").path("id").asText()).as(path).isEqualTo(CUSTOMER);
            assertThat(sent.path("callbackData").path("orderId").asText()).as(path).isEqualTo("A-1001");
        }
    }

    @Test
    void optionsOnTheEndpointWinOverWhatTheConsumerSet() throws Exception {
        for (String path : new String[] { "/alert", "/meta-alert" }) {
            JsonNode sent = deliver(path);
            assertThat(sent.path("recipient").path("id").asText()).as(path).isEqualTo(AGENT);
            assertThat(sent.path("callbackData").asText()).as(path).isEqualTo("alert-7");
            assertThat(sent.path("message").path("text").asText()).isEqualTo("Customer needs help");
        }
    }

    @Test
    void aHeaderTheRouteSetStillWinsOverTheOption() throws Exception {
        JsonNode sent = deliver("/escalate");
        assertThat(sent.path("recipient").path("id").asText()).isEqualTo(SUPERVISOR);
    }
}
