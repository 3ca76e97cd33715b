package io.camelconnectly.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.component.connectly.window.MemoryConversationWindowRepository;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** connectly-sink from YAML routes against the simulator: the README's routes, parameters, headers and the URI. */
class ConnectlySinkKameletTest extends RoutesTestSupport {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(quickSimulator());

    @Override
    protected ConnectlySimulatorExtension sim() {
        return SIM;
    }

    private static ConnectlySinkParameters sinkParameters(Exchange exchange) {
        return exchange.getVariable(ConnectlyRoutes.SINK_VARIABLE, ConnectlySinkParameters.class);
    }

    @Test
    void theReadmeRoutesSendASessionMessageAndATemplate() throws Exception {
        loadYaml("readme-sink", Readme.yaml("connectly-sink"));
        String customer = "+16045550701";
        SIM.customer(customer).sendsText("Is my order ready?");

        Exchange told = template.send("direct:tell-customer", exchange -> {
            exchange.getMessage().setBody("Yes, pick it up any time today.");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            // left by an earlier sink of the same exchange: this sink has no recipient parameter
            ConnectlySinkParameters earlier = new ConnectlySinkParameters();
            earlier.setRecipient("+16045550799");
            exchange.setVariable(ConnectlyRoutes.SINK_VARIABLE, earlier);
        });

        assertThat(told.getException()).isNull();
        ChatMessage text = lastOutbound(customer);
        assertThat(text.kind()).isEqualTo(ChatMessage.Kind.TEXT);
        assertThat(text.text()).isEqualTo("Yes, pick it up any time today.");
        assertThat(told.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(text.id());
        assertThat(sinkParameters(told).getRecipient()).isNull();

        String newCustomer = "+16045550702";
        Exchange welcomed = template.send("direct:welcome-customer",
                exchange -> exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, newCustomer));

        assertThat(welcomed.getException()).isNull();
        ChatMessage welcome = lastOutbound(newCustomer);
        assertThat(welcome.kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(welcome.id()).isEqualTo(welcomed.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID));
        // what the sink was given is left for connectly-delivery-tracking, as variables
        assertThat(sinkParameters(welcomed).getOperation()).isEqualTo("sendTemplatedMessage");
        assertThat(sinkParameters(welcomed).getTemplateName()).isEqualTo("welcome");
    }

    @Test
    void parametersAreDefaultsThatHeadersOverrideAndUnsetOnesStayOutOfTheUri() throws Exception {
        loadYaml("sink-parameters", """
                - route:
                    id: notify-ana
                    from:
                      uri: direct:notify-ana
                      steps:
                        - to:
                            uri: kamelet:connectly-sink
                            parameters:
                              recipient: "+16045550703"
                              sender: "+14155550100"
                """);
        String ana = "+16045550703";
        String bob = "+16045550704";
        SIM.customer(ana).sendsText("hi");
        SIM.customer(bob).sendsText("hi");

        Exchange toAna = template.send("direct:notify-ana", exchange -> exchange.getMessage().setBody("For Ana"));
        Exchange toBob = template.send("direct:notify-ana", exchange -> {
            exchange.getMessage().setBody("For Bob");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, bob);
        });

        assertThat(toAna.getException()).isNull();
        assertThat(toBob.getException()).isNull();
        assertThat(lastOutbound(ana).text()).isEqualTo("For Ana");
        assertThat(lastOutbound(bob).text()).isEqualTo("For Bob");
        assertThat(sinkParameters(toAna).getRecipient()).isEqualTo(ana);
        assertThat(sinkParameters(toAna).getSender()).isEqualTo("+14155550100");
        assertThat(sinkParameters(toAna).getTemplateName()).isNull();

        // the endpoint the Kamelet built: given parameters only; credentials came from the component
        List<ConnectlyEndpoint> endpoints = context.getEndpoints().stream()
                .filter(ConnectlyEndpoint.class::isInstance).map(ConnectlyEndpoint.class::cast).toList();
        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getEndpointUri()).startsWith("connectly://sendMessage?")
                    .contains("recipient=").contains("sender=")
                    .doesNotContain("templateName").doesNotContain("language").doesNotContain("fallback")
                    .doesNotContain("businessId").doesNotContain("baseUrl");
            assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(SIM.apiKey());
            assertThat(endpoint.getConfiguration().getBaseUrl()).isEqualTo(SIM.baseUrl());
            assertThat(endpoint.getConfiguration().getTemplateName()).isNull();
        });
    }

    @Test
    void aFallbackTemplateGoesOutDirectlyWhenTheCustomersWindowIsClosed() throws Exception {
        // what the connectly:webhook consumer of this component would have recorded: one customer wrote 25 hours ago
        String business = "+14155550100";
        String closed = "+16045550706";
        String open = "+16045550707";
        MemoryConversationWindowRepository windows = new MemoryConversationWindowRepository();
        windows.recordCustomerMessage(closed, business, Instant.now().minus(Duration.ofHours(25)));
        windows.recordCustomerMessage(open, business, Instant.now());
        context.getComponent("connectly", ConnectlyComponent.class).setConversationWindowRepository(windows);
        SIM.customer(open).sendsText("hi");
        loadYaml("sink-fallback", """
                - route:
                    id: window-aware
                    from:
                      uri: direct:window-aware
                      steps:
                        - to:
                            uri: kamelet:connectly-sink
                            parameters:
                              fallbackTemplateName: welcome
                              fallbackLanguage: en
                """);
        long sessionSendsBefore = sessionSends();

        Exchange toClosed = template.send("direct:window-aware", exchange -> {
            exchange.getMessage().setBody("Your order is ready");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, closed);
        });
        Exchange toOpen = template.send("direct:window-aware", exchange -> {
            exchange.getMessage().setBody("Your order is ready");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, open);
        });

        assertThat(toClosed.getException()).isNull();
        assertThat(toClosed.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo(ConnectlyConstants.SENT_AS_TEMPLATE);
        assertThat(lastOutbound(closed).kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(toOpen.getException()).isNull();
        assertThat(toOpen.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo(ConnectlyConstants.SENT_AS_SESSION);
        assertThat(lastOutbound(open).text()).isEqualTo("Your order is ready");
        // the closed window cost no refused session message: the only session send is the one to the open window
        assertThat(sessionSends()).isEqualTo(sessionSendsBefore + 1);
    }

    private long sessionSends() {
        return SIM.get().requests().stream().filter(r -> r.path().endsWith("/send/messages")).count();
    }

    @Test
    void anApiKeyGivenToTheKameletWinsAndNeverShowsInASanitizedUri() throws Exception {
        context.getComponent("connectly", io.camelconnectly.component.connectly.ConnectlyComponent.class)
                .getConfiguration().setApiKey("not-the-key");
        loadYaml("sink-credentials", """
                - route:
                    id: with-own-key
                    from:
                      uri: direct:with-own-key
                      steps:
                        - to:
                            uri: kamelet:connectly-sink
                            parameters:
                              apiKey: "{{connectly.api-key}}"
                              businessId: "{{connectly.business-id}}"
                              baseUrl: "{{connectly.base-url}}"
                """);
        String customer = "+16045550705";
        SIM.customer(customer).sendsText("hi");

        Exchange sent = template.send("direct:with-own-key", exchange -> {
            exchange.getMessage().setBody("With the Kamelet's key");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
        });

        assertThat(sent.getException()).isNull();
        assertThat(lastOutbound(customer).text()).isEqualTo("With the Kamelet's key");
        assertThat(context.getEndpoints()).allSatisfy(endpoint -> assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                .doesNotContain(SIM.apiKey()));
        assertThat(context.getRoutes()).allSatisfy(route -> assertThat(route.toString()).doesNotContain(SIM.apiKey()));
    }
}
