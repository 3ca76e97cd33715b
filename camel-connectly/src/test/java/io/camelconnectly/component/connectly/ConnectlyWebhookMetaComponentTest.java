package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.NEGATIVE_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_3_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** The consumer through Camel's webhook: meta-component (WebhookCapableEndpoint), as camel-telegram is used. */
class ConnectlyWebhookMetaComponentTest extends WebhookHttpTestSupport {

    private final AtomicInteger flakyAttempts = new AtomicInteger();
    private final RecordingHttpServer connectly = new RecordingHttpServer()
            .on("/webhooks", reply(200, "{\"entity\":{\"webhooks\":[]}}"))
            .on("/create/webhooks", reply(200, "{\"entity\":{\"id\":\"wh_meta\"}}"));

    ConnectlyWebhookMetaComponentTest() throws Exception {
    }

    @AfterEach
    void stopConnectly() {
        connectly.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:connectly:webhook?webhookComponentName=platform-http&webhookPath=/meta"
                     + "&webhookAutoRegister=false&webhookSecret=" + SECRET)
                        .to("mock:meta");
                from("webhook:connectly:webhook?webhookComponentName=platform-http&webhookPath=/meta-flaky"
                     + "&webhookAutoRegister=false&webhookSecret=" + SECRET)
                        .process(exchange -> {
                            if (flakyAttempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("first attempt fails");
                            }
                        })
                        .to("mock:metaFlaky");
                from("webhook:connectly:webhook?webhookComponentName=platform-http&webhookPath=/meta-registered"
                     + "&webhookExternalUrl=https://public.example.com&topics=messages&webhookSecret=" + SECRET
                     + "&apiKey=test-key&businessId=biz-1&baseUrl=" + connectly.baseUrl())
                        .to("mock:metaRegistered");
            }
        };
    }

    @Test
    void verifiesTypesAndRoutesInTheSameWay() throws Exception {
        MockEndpoint meta = getMockEndpoint("mock:meta");
        meta.expectedMessageCount(1);

        HttpResponse<String> ok = post("/meta", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);
        HttpResponse<String> forged = post("/meta", utf8(COMPACT_INBOUND_TEXT), NEGATIVE_SIGNATURE);
        HttpResponse<String> duplicate = post("/meta", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(ok.headers().firstValue(WebhookSignatureVerifier.SIGNATURE_HEADER)).isEmpty();
        assertThat(ok.headers().firstValue("User-Agent")).isEmpty();
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(duplicate.body()).isEqualTo("{\"status\":\"duplicate\"}");
        meta.assertIsSatisfied();

        Message message = meta.getReceivedExchanges().get(0).getMessage();
        assertThat(message.getBody()).isInstanceOf(InboundMessageEvent.class);
        assertThat(message.getHeader(ConnectlyConstants.EVENT_TYPE)).isEqualTo("text");
        assertThat(message.getHeader(ConnectlyConstants.RECIPIENT)).isEqualTo("+16045550123");
        assertThat(message.getHeader(WebhookSignatureVerifier.SIGNATURE_HEADER)).isNull();
        assertThat(message.getHeader("CamelHttpMethod")).isNull();
    }

    @Test
    void answers500OnRouteFailureAndProcessesTheRedelivery() throws Exception {
        MockEndpoint flaky = getMockEndpoint("mock:metaFlaky");
        flaky.expectedMessageCount(1);
        byte[] body = bytes("webhook-delivery-delivered.json");

        HttpResponse<String> first = post("/meta-flaky", body, VECTOR_3_SIGNATURE);
        HttpResponse<String> redelivery = post("/meta-flaky", body, VECTOR_3_SIGNATURE);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("first attempt fails");
        assertThat(redelivery.statusCode()).isEqualTo(200);
        flaky.assertIsSatisfied();
    }

    @Test
    void registersTheExternalAddressAtStart() throws Exception {
        assertThat(connectly.requests()).extracting(r -> r.method).containsExactly("GET", "POST");
        RecordingHttpServer.Recorded create = connectly.requests().get(1);
        assertThat(create.path).isEqualTo("/v1/businesses/biz-1/create/webhooks");
        assertThat(create.header("X-API-Key")).isEqualTo("test-key");
        assertThat(create.bodyText()).contains("\"topic\":\"messages\"")
                .contains("\"address\":\"https://public.example.com/meta-registered\"");

        MockEndpoint registered = getMockEndpoint("mock:metaRegistered");
        registered.expectedMessageCount(1);
        assertThat(post("/meta-registered", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        registered.assertIsSatisfied();
    }
}
