package io.camelconnectly.component.connectly;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What happens when a connectly:webhook route starts: configuration checks and auto-registration. */
class ConnectlyWebhookStartupTest extends WebhookHttpTestSupport {

    private final RecordingHttpServer connectly = new RecordingHttpServer();

    ConnectlyWebhookStartupTest() throws Exception {
    }

    @AfterEach
    void stopConnectly() {
        connectly.close();
    }

    private void addRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:started");
            }
        });
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void refusesToStartWithoutWebhookSecret() {
        assertThatThrownBy(() -> addRoute("connectly:webhook?webhookPath=/no-secret"))
                .satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("Option webhookSecret is required"));
    }

    @Test
    void refusesAnUnknownTopic() {
        assertThatThrownBy(() -> addRoute("connectly:webhook?webhookPath=/bad-topic&topics=messages,statuses&webhookSecret="
                                          + SECRET))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("Option topics has unknown topic 'statuses'")
                        .hasMessageContaining("allowed: messages, delivery_status"));
    }

    @Test
    void refusesAutoRegistrationWithoutExternalUrl() {
        assertThatThrownBy(() -> addRoute("connectly:webhook?webhookPath=/no-url&webhookAutoRegister=true&apiKey=k"
                                          + "&businessId=b&webhookSecret=" + SECRET))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("Option webhookExternalUrl is required"));
    }

    @Test
    void autoRegistersOnlyTheMissingTopicThenServes() throws Exception {
        String address = "https://public.example.com/connectly/webhook";
        connectly.on("/webhooks", reply(200,
                "{\"entity\":{\"webhooks\":[{\"id\":\"wh_1\",\"topic\":\"messages\",\"address\":\"" + address + "\"}]}}"))
                .on("/create/webhooks", reply(200, "{\"entity\":{\"id\":\"wh_2\"}}"));

        addRoute("connectly:webhook?webhookAutoRegister=true&webhookExternalUrl=" + address + "&apiKey=test-key"
                 + "&businessId=biz-1&baseUrl=" + connectly.baseUrl() + "&webhookSecret=" + SECRET);

        assertThat(connectly.requests()).extracting(r -> r.method).containsExactly("GET", "POST");
        assertThat(connectly.requests().get(1).bodyText()).contains("\"topic\":\"delivery_status\"")
                .contains("\"address\":\"" + address + "\"");
        getMockEndpoint("mock:started").expectedMessageCount(1);
        assertThat(post("/connectly/webhook", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        getMockEndpoint("mock:started").assertIsSatisfied();
    }

    @Test
    void failsToStartWhenConnectlyRefusesTheRegistration() {
        connectly.on("/webhooks", reply(401, "{\"code\":\"ERROR_CODE_UNAUTHENTICATED\",\"message\":\"invalid key\"}"));

        assertThatThrownBy(() -> addRoute("connectly:webhook?webhookAutoRegister=true&webhookExternalUrl="
                                          + "https://public.example.com/hook&apiKey=secret-key-value&businessId=biz-1&baseUrl="
                                          + connectly.baseUrl() + "&webhookSecret=" + SECRET))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("Connectly answered 401")
                        .hasMessageContaining("ERROR_CODE_UNAUTHENTICATED").hasMessageNotContaining("secret-key-value"));
    }
}
