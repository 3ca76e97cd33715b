package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import io.camelconnectly.component.connectly.window.ConversationWindowRepository;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conversation window repository that fails (its database is down): the webhook is answered and routed as usual, the
 * failure is counted and logged once, and a send with a fallback treats the window as unknown.
 */
class ConversationWindowFailureTest extends WebhookHttpTestSupport {

    static final String SECRET = "whsec_window_down_51f3";

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension();

    private final AtomicInteger calls = new AtomicInteger();

    /** Blocking like a JDBC repository, failing like one whose database is unreachable. */
    private final ConversationWindowRepository databaseDown = new ConversationWindowRepository() {
        @Override
        public void recordCustomerMessage(String customer, String businessNumber, Instant sentAt) {
            calls.incrementAndGet();
            throw new IllegalStateException("Connection refused (database down)");
        }

        @Override
        public Map<String, Instant> lastCustomerMessages(String customer) {
            calls.incrementAndGet();
            throw new IllegalStateException("Connection refused (database down)");
        }
    };

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ConnectlyComponent component = SimulatorComponents.connectlyFor(sim);
        component.setConversationWindowRepository(databaseDown);
        context.addComponent("connectly", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret=" + SECRET).to("mock:events");
                from("direct:notify").to("connectly:sendMessage?fallbackTemplateName=welcome");
            }
        };
    }

    @Test
    void aFailingRepositoryNeitherFailsTheWebhookNorTheSend() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        ConnectlyEndpoint webhook = context.getEndpoint("connectly:webhook?webhookSecret=" + SECRET, ConnectlyEndpoint.class);
        try (StandardErrorCapture log = StandardErrorCapture.start()) {
            for (String text : new String[] { "first", "second" }) {
                byte[] body = ("{\"timestamp\":\"1639083206\",\"sender\":{\"id\":\"+16315555500\",\"channelType\":\"whatsapp\"},"
                               + "\"recipient\":{\"id\":\"+16044441234\",\"channelType\":\"whatsapp\"},"
                               + "\"message\":{\"text\":\"" + text + "\"}}").getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> answer = post("/connectly/webhook", body, WebhookSignatureVerifier.sign(body, SECRET));
                assertThat(answer.statusCode()).isEqualTo(200);
            }
            events.assertIsSatisfied();
            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.getWebhooksWindowRecordFailures() == 2);
            assertThat(webhook.getWebhooksWindowRecorded()).isZero();
            // one WARN for both failures (rate-limited), naming the cause, never the customer
            assertThat(log.text().lines().filter(line -> line.contains("WARN") && line.contains("conversation window not recorded")))
                    .singleElement().satisfies(line -> assertThat(line).contains("database down").doesNotContain("+16315555500"));
        }

        Exchange sent = template.send("direct:notify", exchange -> {
            exchange.getMessage().setBody("Hello");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, "+16045550501");
        });
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        ConnectlyEndpoint producer = context.getEndpoint("connectly:sendMessage?fallbackTemplateName=welcome", ConnectlyEndpoint.class);
        assertThat(producer.getProducerWindowLookupFailures()).isEqualTo(1);
        assertThat(producer.getProducerSentAsTemplateAfterRefusal()).isEqualTo(1);
        assertThat(calls).hasValue(3);
    }
}
