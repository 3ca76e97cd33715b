package io.camelconnectly.routes;

import java.time.Duration;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * connectly-inbound-router behind connectly-source, as the README wires them: the simulator's customers press
 * buttons, pick list rows and write keywords, and each reply reaches the endpoint named for it over real HTTP.
 */
class InboundRouterKameletTest extends RoutesTestSupport {

    /** One simulator per test: each test's context serves the webhook on a port of its own. */
    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(quickSimulator());

    @Override
    protected ConnectlySimulatorExtension sim() {
        return sim;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the application's own routes the README's rules name
                for (String name : new String[] { "track-order", "cancel-order", "book-slot", "opt-out", "help", "agent-inbox" }) {
                    from("direct:" + name).to("mock:" + name);
                }
            }
        };
    }

    @BeforeEach
    void loadTheReadmeRouteAndRegisterIt() throws Exception {
        loadYaml("readme-router", Readme.yaml("connectly-inbound-router"));
        registerWebhook(sim, "messages", baseUrl() + "/connectly/replies");
    }

    private Exchange awaitOne(String mock) {
        MockEndpoint endpoint = getMockEndpoint(mock);
        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.getReceivedCounter() == 1);
        return endpoint.getReceivedExchanges().get(0);
    }

    @Test
    void aButtonReplyGoesWhereItsPayloadSays() {
        String customer = "+16045551001";
        String question = sendWelcome(customer);

        sim.customer(customer).repliesWithButton(question, "Track my order", "track");

        Exchange routed = awaitOne("mock:track-order");
        assertThat(routed.getMessage().getHeader(ConnectlyRoutes.INBOUND_ROUTE)).isEqualTo("button:track");
        assertThat(routed.getMessage().getBody(InboundMessageEvent.class).getReplyToId()).isEqualTo(question);
        // the event reaches it with the source's headers: a reply needs no mapping
        assertThat(routed.getMessage().getHeader(ConnectlyConstants.RECIPIENT)).isEqualTo(customer);
        assertThat(getMockEndpoint("mock:agent-inbox").getReceivedCounter()).isZero();
    }

    @Test
    void aListReplyGoesWhereItsRowIdSays() {
        String customer = "+16045551002";
        String question = sendWelcome(customer);

        sim.customer(customer).repliesWithListRow(question, "slot-pm", "Afternoon, 2 to 6 pm");

        Exchange routed = awaitOne("mock:book-slot");
        assertThat(routed.getMessage().getHeader(ConnectlyRoutes.INBOUND_ROUTE)).isEqualTo("list:slot-pm");
    }

    @Test
    void aKeywordMatchesTheTextOrItsFirstWordsWhateverTheCase() {
        sim.customer("+16045551003").sendsText("  STOP   sending me offers");

        Exchange routed = awaitOne("mock:opt-out");
        assertThat(routed.getMessage().getHeader(ConnectlyRoutes.INBOUND_ROUTE)).isEqualTo("keyword:stop");
    }

    @Test
    void everythingElseGoesToTheDefaultEndpoint() {
        String customer = "+16045551004";
        String question = sendWelcome(customer);

        sim.customer(customer).sendsText("stopping by tomorrow, is the shop open?");
        sim.customer(customer).repliesWithButton(question, "Something else", "unknown-payload");
        sim.customer(customer).reactsTo(question, "👍");

        MockEndpoint inbox = getMockEndpoint("mock:agent-inbox");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.getReceivedCounter() == 3);
        assertThat(inbox.getReceivedExchanges()).allSatisfy(exchange -> assertThat(exchange.getMessage()
                .getHeader(ConnectlyRoutes.INBOUND_ROUTE)).isEqualTo("default"));
        assertThat(inbox.getReceivedExchanges()).extracting(exchange -> exchange.getMessage().getHeader(ConnectlyConstants.EVENT_TYPE))
                .containsExactlyInAnyOrder("text", "button_reply", "reaction");
        assertThat(getMockEndpoint("mock:opt-out").getReceivedCounter()).isZero();
    }
}
