package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelconnectly.component.connectly.window.ConversationWindows;
import io.camelconnectly.component.connectly.window.JdbcConversationWindowRepository;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelconnectly.component.connectly.SimulatorRequests.mark;
import static io.camelconnectly.component.connectly.SimulatorRequests.path;
import static io.camelconnectly.component.connectly.SimulatorRequests.sendsAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Camel contexts, two JdbcConversationWindowRepository instances, one real PostgreSQL: context A receives the
 * webhooks (its consumer records, its webhook route replies), context B only sends. What A's consumer saw decides B's
 * sends, and no repository call runs on a Vert.x thread or an HTTP client I/O thread.
 */
class ConversationWindowOverPostgresTest extends WebhookHttpTestSupport {

    static final String TABLE = "WINDOW_SHARED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    static final String FALLBACK = "connectly:sendMessage?fallbackTemplateName=welcome";

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .webhookSecret("whsec_window_pg_9e04")
            .webhookTimeout(Duration.ofSeconds(10))
            .eventLoops(1));

    private final List<String> callerThreads = new CopyOnWriteArrayList<>();
    private ObservedWindowRepository windowsOfA;
    private ObservedWindowRepository windowsOfB;
    private CamelContext contextB;
    private ProducerTemplate templateB;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        windowsOfA = sharedWindows();
        ConnectlyComponent component = SimulatorComponents.connectlyFor(SIM);
        component.setConversationWindowRepository(windowsOfA);
        context.addComponent("connectly", component);
        return context;
    }

    private static ObservedWindowRepository sharedWindows() {
        return new ObservedWindowRepository(
                new JdbcConversationWindowRepository(EmbeddedPostgresForTests.dataSource(), TABLE), SIM.clock());
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret=" + SIM.webhookSecret() + "&webhookAutoRegister=true"
                     + "&webhookExternalUrl=http://127.0.0.1:" + port + "/connectly/webhook")
                        .filter(header(ConnectlyConstants.EVENT_TYPE).isEqualTo("text"))
                        .process(exchange -> callerThreads.add("A webhook route: " + Thread.currentThread().getName()))
                        .setBody(constant("Thanks, we are on it"))
                        .to(FALLBACK);
            }
        };
    }

    @BeforeEach
    void startContextB() throws Exception {
        contextB = new DefaultCamelContext();
        windowsOfB = sharedWindows();
        ConnectlyComponent component = SimulatorComponents.connectlyFor(SIM);
        component.setConversationWindowRepository(windowsOfB);
        contextB.addComponent("connectly", component);
        contextB.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(FALLBACK);
                // continues on the HTTP client's I/O thread after the first call
                from("direct:after-a-call")
                        .to("connectly:getTemplates")
                        .process(exchange -> callerThreads.add("B after a call: " + Thread.currentThread().getName()))
                        .setBody(constant("Your order has shipped"))
                        .to(FALLBACK);
            }
        });
        contextB.start();
        templateB = contextB.createProducerTemplate();
    }

    @AfterEach
    void stopContextB() {
        contextB.stop();
    }

    @Test
    void whatOneContextRecordsDecidesTheSendsOfTheOther() {
        String customer = "+16045550301";
        writesAndContextAReplies(customer);
        ConnectlyEndpoint endpointB = contextB.getEndpoint(FALLBACK, ConnectlyEndpoint.class);

        long mark = mark(SIM);
        Exchange session = sendFromB("direct:send", customer);
        assertThat(session.getException()).isNull();
        assertThat(session.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("session");
        assertThat(sendsAfter(SIM, mark)).extracting(RecordedRequest::path).containsExactly(path(SIM, "send/messages"));
        assertThat(endpointB.getProducerSentAsSession()).isEqualTo(1);
        assertThat(endpointB.getProducerWindowUnknown()).as("B knew the window from A's consumer").isZero();

        SIM.clock().advance(Duration.ofHours(25));
        mark = mark(SIM);
        Exchange templated = sendFromB("direct:send", customer);
        assertThat(templated.getException()).isNull();
        assertThat(templated.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        assertThat(sendsAfter(SIM, mark)).extracting(RecordedRequest::path).containsExactly(path(SIM, "send/whatsapp_templated_messages"));
        assertThat(endpointB.getProducerSentAsTemplate()).isEqualTo(1);
    }

    @Test
    void repositoryCallsRunOnTheWindowExecutorNeverOnIoThreadsOrEventLoops() {
        String customer = "+16045550302";
        writesAndContextAReplies(customer);
        assertThat(sendFromB("direct:after-a-call", customer).getException()).isNull();

        assertThat(callerThreads).anySatisfy(caller -> assertThat(caller).startsWith("A webhook route: vert.x-"))
                .anySatisfy(caller -> assertThat(caller).startsWith("B after a call: httpclient-dispatch"));
        assertThat(windowsOfA.recordThreads).isNotEmpty();
        assertThat(windowsOfA.readThreads).isNotEmpty();
        assertThat(windowsOfB.readThreads).isNotEmpty();
        for (List<String> threads : List.of(windowsOfA.recordThreads, windowsOfA.readThreads, windowsOfB.readThreads)) {
            assertThat(threads).allSatisfy(thread -> assertThat(thread).contains(ConversationWindows.THREAD_NAME)
                    .doesNotContain("vert.x").doesNotContain("httpclient"));
        }
    }

    /** The customer writes; A's consumer records it and A's route has replied (so its send is not counted as B's). */
    private void writesAndContextAReplies(String customer) {
        SIM.customer(customer).sendsText("Is my order on its way?");
        ConnectlyEndpoint replyOfA = context.getEndpoint(FALLBACK, ConnectlyEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> !windowsOfA.stored(customer).isEmpty()
                                                           && replyOfA.getProducerSentAsSession() == 1);
    }

    private Exchange sendFromB(String uri, String customer) {
        return templateB.send(uri, exchange -> {
            exchange.getMessage().setBody("Your order has shipped");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
        });
    }

}
