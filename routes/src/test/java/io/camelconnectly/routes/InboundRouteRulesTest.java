package io.camelconnectly.routes;

import java.nio.charset.StandardCharsets;

import io.camelconnectly.component.connectly.webhook.WebhookEventParser;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** connectly-inbound-router's rules as written in a YAML route: mistakes stop the start, RAW() keeps an endpoint's options. */
class InboundRouteRulesTest {

    @Test
    void badRulesStopTheStartNamingTheParameter() {
        assertThatThrownBy(() -> startRouter("buttons: \"track\"")).hasStackTraceContaining(
                "connectly-inbound-router: parameter buttons has 'track'; each rule is key=endpoint-uri");
        assertThatThrownBy(() -> startRouter("keywords: \"stop=nosuchscheme:x\"")).hasStackTraceContaining(
                "connectly-inbound-router: parameter keywords routes to 'nosuchscheme:x', which is not a usable endpoint");
        assertThatThrownBy(() -> startRouter("listRows: \"a=direct:a,a=direct:b\"")).hasStackTraceContaining(
                "parameter listRows names 'a' twice");
        assertThatThrownBy(() -> startRouter("defaultEndpoint: \" \"")).hasStackTraceContaining(
                "connectly-inbound-router: parameter defaultEndpoint is required");
        assertThatThrownBy(() -> startRouter("defaultEndpoint: direct:inbox")).hasStackTraceContaining(
                "give at least one of buttons, listRows or keywords");
    }

    @Test
    void anEndpointWithOptionsOfItsOwnIsWrittenRaw() throws Exception {
        try (DefaultCamelContext other = startRouter("""
                keywords: "RAW(help=mock:help?retainFirst=5&failFast=false)"
                defaultEndpoint: mock:inbox""")) {
            byte[] help = ("{\"timestamp\":\"1764590000\",\"sender\":{\"id\":\"+16045551005\"},"
                           + "\"recipient\":{\"id\":\"+14155550100\"},\"message\":{\"text\":\"Help\"}}").getBytes(StandardCharsets.UTF_8);

            Exchange routed = other.createProducerTemplate().send("direct:replies",
                    exchange -> exchange.getMessage().setBody(new WebhookEventParser().parse(help)));

            assertThat(routed.getMessage().getHeader(ConnectlyRoutes.INBOUND_ROUTE)).isEqualTo("keyword:help");
            MockEndpoint target = other.getEndpoint("mock:help?retainFirst=5&failFast=false", MockEndpoint.class);
            assertThat(target.getRetainFirst()).isEqualTo(5);
            assertThat(target.getReceivedCounter()).isEqualTo(1);
        }
    }

    /** A started router with the given parameters (defaultEndpoint direct:inbox unless given) in a context of its own. */
    private static DefaultCamelContext startRouter(String parameters) throws Exception {
        String all = parameters.contains("defaultEndpoint") ? parameters : parameters + "\ndefaultEndpoint: direct:inbox";
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            RoutesTestSupport.loadYaml(context, "router", """
                    - route:
                        from:
                          uri: direct:replies
                          steps:
                            - to:
                                uri: kamelet:connectly-inbound-router
                                parameters:
                    """ + all.lines().map(line -> " ".repeat(14) + line + "\n").reduce("", String::concat));
            context.start();
            return context;
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
    }
}
