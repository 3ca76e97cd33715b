package io.camelconnectly.component.connectly.webhook;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.component.connectly.RecordingHttpServer;
import io.camelconnectly.component.connectly.client.ConnectlyClient;
import io.camelconnectly.component.connectly.client.ConnectlyClientMetrics;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRegistrarTest {

    private static final String ADDRESS = "https://hooks.example.com/connectly/webhook";
    private static final String API_KEY = "key-never-printed";
    private static final String LIST_PATH = "/v1/businesses/biz-1/webhooks";

    private final RecordingHttpServer connectly;
    private final ScheduledExecutorService retryScheduler = Executors.newSingleThreadScheduledExecutor();
    private final ConnectlyClient client;
    private final WebhookRegistrar registrar;

    WebhookRegistrarTest() throws Exception {
        connectly = new RecordingHttpServer();
        ConnectlyConfiguration configuration = new ConnectlyConfiguration();
        configuration.setBaseUrl(connectly.baseUrl());
        configuration.setBusinessId("biz-1");
        configuration.setApiKey(API_KEY);
        // the endpoint's client, as the consumer uses it; one attempt keeps the connection-failure test short
        configuration.setRetryMaxAttempts(1);
        client = ConnectlyClient.create(new DefaultCamelContext(), configuration, retryScheduler, new ConnectlyClientMetrics());
        registrar = WebhookRegistrar.of(client, configuration);
    }

    @AfterEach
    void stop() {
        connectly.close();
        client.close();
        retryScheduler.shutdownNow();
    }

    private static String listed(String... webhooks) {
        return "{\"entity\":{\"businessId\":\"biz-1\",\"webhooks\":[" + String.join(",", webhooks) + "]}}";
    }

    private static String webhook(String id, String topic, String address) {
        return "{\"id\":\"" + id + "\",\"topic\":\"" + topic + "\",\"address\":\"" + address + "\",\"configuration\":{}}";
    }

    @Test
    void createsEveryMissingTopic() throws Exception {
        connectly.on("/webhooks", reply(200, listed()))
                .on("/create/webhooks", reply(200, "{\"entity\":{\"id\":\"wh_1\"}}"))
                .on("/create/webhooks", reply(201, "{\"id\":\"wh_2\"}"));

        List<WebhookRegistrar.Outcome> outcomes = registrar.ensureRegistered(ADDRESS, List.of("messages", "delivery_status"));

        assertThat(outcomes).containsExactly(
                new WebhookRegistrar.Outcome("messages", WebhookRegistrar.Action.CREATED, "wh_1", null),
                new WebhookRegistrar.Outcome("delivery_status", WebhookRegistrar.Action.CREATED, "wh_2", null));
        assertThat(connectly.requests()).extracting(r -> r.method, r -> r.path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", LIST_PATH),
                        org.assertj.core.groups.Tuple.tuple("POST", "/v1/businesses/biz-1/create/webhooks"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/v1/businesses/biz-1/create/webhooks"));
        assertThat(connectly.requests()).allSatisfy(r -> assertThat(r.header("X-API-Key")).isEqualTo(API_KEY));
        assertThat(connectly.requests().get(1).bodyText()).contains("\"topic\":\"messages\"").contains("\"address\":\"" + ADDRESS + "\"");
        assertThat(connectly.requests().get(1).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void leavesAnAddressThatIsRegisteredAlone() throws Exception {
        connectly.on("/webhooks", reply(200, listed(webhook("wh_1", "messages", ADDRESS + "/"),
                webhook("wh_2", "delivery_status", ADDRESS))));

        List<WebhookRegistrar.Outcome> outcomes = registrar.ensureRegistered(ADDRESS, List.of("messages", "delivery_status"));

        assertThat(outcomes).extracting(WebhookRegistrar.Outcome::action)
                .containsOnly(WebhookRegistrar.Action.ALREADY_REGISTERED);
        assertThat(connectly.requests()).hasSize(1);
    }

    @Test
    void movesATopicRegisteredElsewhereToOurAddress() throws Exception {
        connectly.on("/webhooks", reply(200, listed(webhook("wh_9", "messages", "https://old.example.com/hook"))))
                .on("/update/webhooks/wh_9", reply(200, "{}"));

        List<WebhookRegistrar.Outcome> outcomes = registrar.ensureRegistered(ADDRESS, List.of("messages"));

        assertThat(outcomes).containsExactly(new WebhookRegistrar.Outcome("messages", WebhookRegistrar.Action.UPDATED, "wh_9",
                "https://old.example.com/hook"));
        RecordingHttpServer.Recorded put = connectly.requests().get(1);
        assertThat(put.path).isEqualTo("/v1/businesses/biz-1/update/webhooks/wh_9");
        assertThat(put.bodyText()).isEqualTo("{\"address\":\"" + ADDRESS + "\"}");
    }

    @Test
    void resolvesA409OnCreateByListingAgain() throws Exception {
        connectly.on("/webhooks", reply(200, listed()))
                .on("/create/webhooks", reply(409, "{\"code\":\"ERROR_CODE_ALREADY_EXISTS\"}"))
                .on("/webhooks", reply(200, listed(webhook("wh_5", "delivery_status", "https://other.example.com/x"))))
                .on("/update/webhooks/wh_5", reply(200, "{}"));

        List<WebhookRegistrar.Outcome> outcomes = registrar.ensureRegistered(ADDRESS, List.of("delivery_status"));

        assertThat(outcomes).extracting(WebhookRegistrar.Outcome::action).containsExactly(WebhookRegistrar.Action.UPDATED);
        assertThat(connectly.requests()).extracting(r -> r.method)
                .containsExactly("GET", "POST", "GET", "PUT");
    }

    @Test
    void reportsConnectlysErrorWithoutTheApiKey() {
        connectly.on("/webhooks", reply(401,
                "{\"message\":\"bad key\",\"code\":\"ERROR_CODE_UNAUTHENTICATED\",\"cntTraceId\":\"123\"}"));

        assertThatThrownBy(() -> registrar.ensureRegistered(ADDRESS, List.of("messages")))
                .isInstanceOf(WebhookRegistrationException.class)
                .hasMessageContaining("401").hasMessageContaining("ERROR_CODE_UNAUTHENTICATED")
                .hasMessageContaining("cntTraceId=123").hasMessageContaining("apiKey")
                .hasMessageNotContaining(API_KEY)
                .satisfies(e -> assertThat(((WebhookRegistrationException) e).getStatusCode()).isEqualTo(401));
    }

    @Test
    void reportsAConnectionFailure() {
        connectly.close();
        assertThatThrownBy(() -> registrar.ensureRegistered(ADDRESS, List.of("messages")))
                .isInstanceOf(WebhookRegistrationException.class)
                .hasMessageContaining("getWebhooks got no answer from " + connectly.baseUrl())
                .satisfies(e -> assertThat(((WebhookRegistrationException) e).getStatusCode()).isZero());
    }
}
