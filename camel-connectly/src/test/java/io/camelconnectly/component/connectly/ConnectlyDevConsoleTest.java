package io.camelconnectly.component.connectly;

import java.util.List;
import java.util.Map;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.WRONG_SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev console, found the way Camel finds it (META-INF/services/org/apache/camel/dev-console/connectly), after real
 * traffic: a successful and a refused call to a recording Connectly and signed posts to the webhook consumer.
 */
class ConnectlyDevConsoleTest extends WebhookHttpTestSupport {

    private static final String API_KEY = "ck_console_SECRET_9d8c7b6a";
    private static final String BUSINESS_ID = "biz-console-1";

    private final RecordingHttpServer connectly = new RecordingHttpServer();

    ConnectlyDevConsoleTest() throws Exception {
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
                from("direct:send").to("connectly:sendMessage?baseUrl=" + connectly.baseUrl() + "&apiKey=RAW(" + API_KEY
                                       + ")&businessId=" + BUSINESS_ID + "&recipient=%2B16045550123");
                from("connectly:webhook?webhookPath=/console&webhookSecret=RAW(" + SECRET + ")").to("mock:events");
            }
        };
    }

    @Test
    void showsEveryEndpointWithItsCountersAndNoSecret() throws Exception {
        connectly.on("/send/messages", reply(200, "{\"id\":\"m-1\"}"),
                reply(400, "{\"code\":\"ERROR_CODE_INVALID_ARGUMENT\",\"message\":\"bad\",\"cntTraceId\":\"t-1\"}"));
        assertThat(template.send("direct:send", e -> e.getMessage().setBody("hello")).getException()).isNull();
        assertThat(template.send("direct:send", e -> e.getMessage().setBody("hello")).getException()).isNotNull();
        getMockEndpoint("mock:events").expectedMessageCount(1);
        assertThat(post("/console", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        assertThat(post("/console", utf8(COMPACT_INBOUND_TEXT),
                WebhookSignatureVerifier.sign(utf8(COMPACT_INBOUND_TEXT), WRONG_SECRET)).statusCode()).isEqualTo(401);
        getMockEndpoint("mock:events").assertIsSatisfied();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("connectly");
        assertThat(console).isInstanceOf(ConnectlyDevConsole.class);
        assertThat(console.getGroup()).isEqualTo("camel");
        assertThat(console.getDisplayName()).isEqualTo("Connectly");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        assertThat(endpoints).hasSize(2);
        Map<String, Object> producer = endpoint(endpoints, "sendMessage");
        assertThat(producer).containsEntry("businessId", BUSINESS_ID).containsEntry("baseUrl", connectly.baseUrl());
        assertThat(nested(producer, "producer")).containsEntry("succeeded", 1L).containsEntry("failed", 1L)
                .containsEntry("retries", 0L).containsEntry("rateLimited", 0L).containsEntry("rejectedByValidation", 0L)
                .containsEntry("heldOff", 0L).containsEntry("waitingFull", 0L).containsEntry("waiting", 0)
                .containsEntry("waitingPeak", 0)
                .containsEntry("failuresByCode", Map.of("ERROR_CODE_INVALID_ARGUMENT", 1L));
        Map<String, Object> webhook = endpoint(endpoints, "webhook");
        assertThat(webhook).containsEntry("webhookPath", "/console").doesNotContainKey("producer");
        Map<String, Object> webhookCounters = nested(webhook, "webhook");
        assertThat(webhookCounters).containsEntry("received", 2L).containsEntry("verified", 1L)
                .containsEntry("rejected", 1L).containsEntry("processed", 1L).containsEntry("duplicates", 0L)
                .containsEntry("inFlightDuplicates", 0L).containsEntry("dedupeUnavailable", 0L)
                .containsEntry("filtered", 0L).containsEntry("routeFailures", 0L);
        assertThat(nested(webhookCounters, "rejectedByReason")).containsEntry("SIGNATURE", 1L)
                .containsEntry("MALFORMED", 0L);

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("operation: sendMessage", "businessId: " + BUSINESS_ID,
                "baseUrl: " + connectly.baseUrl(), "succeeded: 1", "failed: 1", "ERROR_CODE_INVALID_ARGUMENT: 1", "operation: webhook",
                "webhookPath: /console", "verified: 1", "SIGNATURE: 1", "processed: 1");

        // the sanitised URIs: the option is there, its value masked
        assertThat((String) producer.get("uri")).startsWith("connectly://sendMessage").contains("apiKey=xxxxxx");
        assertThat((String) webhook.get("uri")).startsWith("connectly://webhook").contains("webhookSecret=xxxxxx");
        assertThat(text).contains("uri: connectly://sendMessage", "uri: connectly://webhook");
        for (String output : List.of(text, new JsonObject(json).toJson())) {
            assertThat(output).doesNotContain(API_KEY).doesNotContain(SECRET);
        }
    }

    private static Map<String, Object> endpoint(List<Map<String, Object>> endpoints, String operation) {
        return endpoints.stream().filter(e -> operation.equals(e.get("operation"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }
}
