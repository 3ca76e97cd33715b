package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.client.ConnectlyOutsideWindowException;
import io.camelconnectly.component.connectly.client.ConnectlyTemplateException;
import io.camelconnectly.component.connectly.window.MemoryConversationWindowRepository;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelconnectly.component.connectly.SimulatorRequests.mark;
import static io.camelconnectly.component.connectly.SimulatorRequests.path;
import static io.camelconnectly.component.connectly.SimulatorRequests.sendsAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * sendMessage with a fallback template against the simulator, which enforces the 24-hour window: the component's
 * webhook consumer records what customers write (the simulator posts it, signed), the producer reads it. One simulator
 * for the class (its clock only moves forward, so each test has its own customers); one Camel context per test.
 */
class WindowAwareSendTest extends WebhookHttpTestSupport {

    static final String NUMBER_A = "+14155550100"; // the simulator's default sender
    static final String NUMBER_B = "+14155550101";
    static final String WEBHOOK_PATH = "/connectly/webhook";
    static final String FALLBACK = "connectly:sendMessage?fallbackTemplateName=order_shipped&fallbackLanguage=en";

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .businessNumbers(NUMBER_A, NUMBER_B)
            .webhookSecret("whsec_window_7c21")
            .webhookTimeout(Duration.ofSeconds(10))
            .eventLoops(1));

    private ObservedWindowRepository windows;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ConnectlyComponent component = SimulatorComponents.connectlyFor(SIM);
        windows = new ObservedWindowRepository(new MemoryConversationWindowRepository(), SIM.clock());
        component.setConversationWindowRepository(windows);
        context.addComponent("connectly", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret=" + SIM.webhookSecret() + "&webhookAutoRegister=true"
                     + "&webhookExternalUrl=http://127.0.0.1:" + port + WEBHOOK_PATH)
                        .routeId("events")
                        .log("${header.CamelConnectlyEventType}");
                from("direct:notify").routeId("notify").to(FALLBACK);
                from("direct:plain").routeId("plain").to("connectly:sendMessage");
            }
        };
    }

    @Test
    void aCustomerWhoWroteWithinTheWindowGetsTheSessionMessage() {
        String customer = "+16045550201";
        writesAndIsRecorded(customer);
        long mark = mark(SIM);

        Exchange sent = notify(customer, "Your parcel left our warehouse", Map.of());

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("session");
        assertThat(sendsAfter(SIM, mark)).extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly(tuple(path(SIM, "send/messages"), 200));
        assertThat(lastOutbound(customer).kind()).isEqualTo(ChatMessage.Kind.TEXT);
        assertThat(endpoint(FALLBACK).getWindowCounters().getWindowUnknown()).isZero();
    }

    @Test
    void aCustomerWhoseWindowIsClosedGetsTheFallbackTemplateWithNoRefusedCall() throws Exception {
        String customer = "+16045550202";
        writesAndIsRecorded(customer);
        SIM.clock().advance(Duration.ofHours(25));
        long mark = mark(SIM);
        long templatesBefore = endpoint(FALLBACK).getProducerSentAsTemplate();

        Exchange sent = notify(customer, "Your parcel left our warehouse",
                Map.of(ConnectlyConstants.CALLBACK_DATA, Map.of("orderId", "A-1001"), ConnectlyConstants.CAMPAIGN_NAME, "shipping"));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        List<RecordedRequest> sends = sendsAfter(SIM, mark);
        assertThat(sends).extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly(tuple(path(SIM, "send/whatsapp_templated_messages"), 200));
        JsonNode request = ConnectlyJson.mapper().readTree(sends.get(0).body());
        assertThat(request.path("number").asText()).isEqualTo(customer);
        assertThat(request.path("templateName").asText()).isEqualTo("order_shipped");
        assertThat(request.path("language").asText()).isEqualTo("en");
        assertThat(request.path("callbackData").path("orderId").asText()).isEqualTo("A-1001");
        assertThat(request.path("campaignName").asText()).isEqualTo("shipping");
        ChatMessage received = lastOutbound(customer);
        assertThat(received.kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(received.text()).startsWith("Hi Ana, your order A-1001 has shipped.");
        assertThat(received.id()).isEqualTo(sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID));
        assertThat(endpoint(FALLBACK).getProducerSentAsTemplate()).isEqualTo(templatesBefore + 1);

        // the counters in the dev console too
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("connectly");
        @SuppressWarnings("unchecked")
        String json = new JsonObject((Map<String, Object>) console.call(DevConsole.MediaType.JSON)).toJson();
        assertThat(json).contains("\"sentAsTemplate\":" + (templatesBefore + 1)).contains("\"windowRecorded\":")
                .contains("ObservedWindowRepository");
    }

    @Test
    void nothingKnownTriesTheSessionMessageAndSendsTheTemplateOnceWhenRefused() throws Exception {
        String customer = "+16045550203"; // never wrote
        long mark = mark(SIM);
        ConnectlyEndpoint plain = endpoint("connectly:sendMessage");

        // the header turns the fallback on for this message on an endpoint that has none
        Exchange sent = send("direct:plain", "We have news about your order", ConnectlyConstants.RECIPIENT, customer,
                ConnectlyConstants.FALLBACK_TEMPLATE_NAME, "welcome");

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        assertThat(sendsAfter(SIM, mark)).extracting(RecordedRequest::path, RecordedRequest::status).containsExactly(
                tuple(path(SIM, "send/messages"), 400),
                tuple(path(SIM, "send/whatsapp_templated_messages"), 200));
        assertThat(lastOutbound(customer).kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(plain.getProducerSentAsTemplateAfterRefusal()).isEqualTo(1);
        assertThat(plain.getProducerWindowUnknown()).isEqualTo(1);
    }

    @Test
    void theWindowBelongsToTheCustomerAndTheNumberTheyWroteTo() throws Exception {
        String customer = "+16045550204";
        writesAndIsRecorded(customer); // to NUMBER_A, the simulator's first number
        SIM.clock().advance(Duration.ofHours(25));
        SIM.customer(customer).to(NUMBER_B).sendsText("hello, number B");
        await().atMost(Duration.ofSeconds(20)).until(() -> windows.stored(customer).keySet().equals(Set.of(NUMBER_A, NUMBER_B)));

        // from A the window is closed although the customer wrote to B a moment ago: the template, no refused call
        long mark = mark(SIM);
        Exchange fromA = notify(customer, "Update from A", Map.of(ConnectlyConstants.SENDER, NUMBER_A));
        assertThat(fromA.getException()).isNull();
        assertThat(fromA.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        List<RecordedRequest> sends = sendsAfter(SIM, mark);
        assertThat(sends).extracting(RecordedRequest::path).containsExactly(path(SIM, "send/whatsapp_templated_messages"));
        assertThat(ConnectlyJson.mapper().readTree(sends.get(0).body()).path("sender").asText()).isEqualTo(NUMBER_A);

        // without a sender: the session message from B, whose window is open. Left to Connectly it would go out from
        // A (the simulator's pick, as the FAQ warns) and be refused
        mark = mark(SIM);
        Exchange anyNumber = notify(customer, "Update", Map.of());
        assertThat(anyNumber.getException()).isNull();
        assertThat(anyNumber.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("session");
        sends = sendsAfter(SIM, mark);
        assertThat(sends).extracting(RecordedRequest::path, RecordedRequest::status).containsExactly(tuple(path(SIM, "send/messages"), 200));
        assertThat(ConnectlyJson.mapper().readTree(sends.get(0).body()).path("sender").path("id").asText()).isEqualTo(NUMBER_B);
        assertThat(lastOutbound(customer).businessNumber()).isEqualTo(NUMBER_B);
    }

    @Test
    void withoutAFallbackNothingChanges() {
        String wrote = "+16045550205";
        String neverWrote = "+16045550206";
        writesAndIsRecorded(wrote);
        int reads = windows.readThreads.size();
        long mark = mark(SIM);

        Exchange session = send("direct:plain", "Thanks!", ConnectlyConstants.RECIPIENT, wrote);
        Exchange refused = send("direct:plain", "Hello?", ConnectlyConstants.RECIPIENT, neverWrote);

        assertThat(session.getException()).isNull();
        assertThat(session.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("session");
        assertThat(session.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isNotNull();
        assertThat(refused.getException()).isInstanceOf(ConnectlyOutsideWindowException.class);
        assertThat(sendsAfter(SIM, mark)).extracting(RecordedRequest::path, RecordedRequest::status).containsExactly(
                tuple(path(SIM, "send/messages"), 200),
                tuple(path(SIM, "send/messages"), 400));
        assertThat(windows.readThreads).as("no window lookup without a fallback").hasSize(reads);
    }

    @Test
    void theFallbackTemplateIsCheckedBeforeAnythingIsSent() {
        String customer = "+16045550207";
        writesAndIsRecorded(customer);
        long mark = mark(SIM);
        ConnectlyEndpoint endpoint = endpoint(FALLBACK);
        long rejected = endpoint.getProducerRejectedByValidation();

        Exchange sent = template.send("direct:notify", exchange -> {
            exchange.getMessage().setBody("Your parcel left our warehouse");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            exchange.getMessage().setHeader(ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("body_1", "Ana"));
        });

        assertThat(sent.getException()).isInstanceOfSatisfying(ConnectlyTemplateException.class, e -> {
            assertThat(e.getProblem()).isEqualTo(ConnectlyTemplateException.Problem.MISSING_PARAMETER);
            assertThat(e.getParameter()).isEqualTo("body_2");
            assertThat(e.getMessage()).startsWith("Fallback template (fallbackTemplateName").contains("needs parameter body_2");
        });
        assertThat(sendsAfter(SIM, mark)).as("neither the session message nor the template was sent").isEmpty();
        assertThat(endpoint.getProducerRejectedByValidation()).isEqualTo(rejected + 1);
    }

    // ---- helpers

    private void writesAndIsRecorded(String customer) {
        SIM.customer(customer).sendsText("Where is my order?");
        await().atMost(Duration.ofSeconds(20)).until(() -> !windows.stored(customer).isEmpty());
    }

    private Exchange notify(String customer, String text, Map<String, Object> headers) {
        return template.send("direct:notify", exchange -> {
            exchange.getMessage().setBody(text);
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            exchange.getMessage().setHeader(ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("body_1", "Ana", "body_2", "A-1001"));
            headers.forEach(exchange.getMessage()::setHeader);
        });
    }

    private Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    private ConnectlyEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, ConnectlyEndpoint.class);
    }

    private static ChatMessage lastOutbound(String customer) {
        List<ChatMessage> outbound = SIM.get().conversation(customer).stream().filter(ChatMessage::outbound).toList();
        assertThat(outbound).as("messages sent to " + customer).isNotEmpty();
        return outbound.get(outbound.size() - 1);
    }
}
