package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication, business id, malformed bodies, routing and the read-only operations, over real HTTP. */
class ApiBasicsTest {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(
            ConnectlySimulator.builder().apiKey("key-123").businessId("biz-42"));

    private static void assertErrorBody(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("type").asText()).startsWith("ERROR_TYPE_");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("userTitle").isTextual()).isTrue();
        assertThat(body.path("userMessage").isTextual()).isTrue();
        assertThat(body.path("cntTraceId").isTextual()).isTrue();
        assertThat(body.path("cntTraceId").asText()).matches("[0-9]{10,20}");
        assertThat(body.path("details").isObject()).isTrue();
    }

    @Test
    void missingOrWrongApiKeyIs401(ConnectlySimulator sim) {
        Api api = new Api(sim);
        assertErrorBody(Api.send("POST", api.url("get/templates"), null, null), 401, "ERROR_CODE_UNAUTHENTICATED");
        assertErrorBody(Api.send("GET", api.url("get/quality_signals"), "wrong", null), 401, "ERROR_CODE_UNAUTHENTICATED");
        assertThat(Api.send("GET", api.url("webhooks"), "wrong", null).body()).doesNotContain("key-123");
    }

    @Test
    void unknownBusinessIs404(ConnectlySimulator sim) {
        Api.Response response = Api.send("GET", sim.baseUrl() + "/v1/businesses/other-biz/get/quality_signals", "key-123", null);
        assertErrorBody(response, 404, "ERROR_CODE_BUSINESS_NOT_FOUND");
    }

    @Test
    void malformedJsonIs400(ConnectlySimulator sim) {
        Api api = new Api(sim);
        assertErrorBody(api.post("send/messages", "{\"recipient\": {"), 400, "ERROR_CODE_INVALID_REQUEST");
        assertErrorBody(api.post("send/whatsapp_templated_messages", "[1,2]"), 400, "ERROR_CODE_INVALID_REQUEST");
        assertErrorBody(api.post("create/webhooks", ""), 400, "ERROR_CODE_INVALID_REQUEST");
        assertErrorBody(api.post("send/messages", "{\"message\":{\"text\":\"x\"}}"), 400, "ERROR_CODE_INVALID_REQUEST");
    }

    @Test
    void unknownOperationIs404AndWrongMethodIs405(ConnectlySimulator sim) {
        Api api = new Api(sim);
        assertErrorBody(api.post("send/nothing", "{}"), 404, "ERROR_CODE_NOT_FOUND");
        assertErrorBody(api.get("send/messages"), 405, "ERROR_CODE_METHOD_NOT_ALLOWED");
    }

    @Test
    void qualitySignalsReportAnUnspecifiedTierForANewAccount(ConnectlySimulator sim) {
        Api.Response response = new Api(sim).get("get/quality_signals");
        assertThat(response.status()).isEqualTo(200);
        JsonNode signal = response.json().path("entity").path("signals").get(0).path("whatsappQualitySignals");
        assertThat(signal.path("phoneNumber").asText()).isEqualTo(ConnectlySimulator.DEFAULT_BUSINESS_NUMBER);
        assertThat(signal.path("messagesLimitTier").asText()).isEqualTo("WHATS_APP_MESSAGE_LIMIT_TIER_UNSPECIFIED");
        assertThat(signal.path("qualityScore").asText()).isEqualTo("WHATS_APP_QUALITY_SCORE_HIGH");
    }

    @Test
    void seededTemplatesAreListedInTheReferenceShape(ConnectlySimulator sim) {
        Api.Response response = new Api(sim).post("get/templates", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode groups = response.json().path("entity").path("templateGroups");
        assertThat(groups).hasSize(2);
        JsonNode orderShipped = groups.get(0);
        assertThat(orderShipped.path("name").asText()).isEqualTo("order_shipped");
        JsonNode template = orderShipped.path("templates").get(0);
        assertThat(template.path("language").path("code").asText()).isEqualTo("en");
        assertThat(template.path("status").asText()).isEqualTo("MESSAGE_TEMPLATE_STATUS_APPROVED");
        assertThat(template.has("rejectionReason")).isTrue();
        assertThat(template.path("rejectionReason").isNull()).isTrue();
        assertThat(template.path("templateComponents").get(0).path("body").path("text").path("text").asText())
                .contains("{{1}}").contains("{{2}}");
        assertThat(groups.get(1).path("name").asText()).isEqualTo("welcome");
        assertThat(groups.get(1).path("templates").get(0).path("templateComponents").get(0).path("body").path("text")
                .path("text").asText()).doesNotContain("{{");
    }

    @Test
    void anErrorStillGetsRecorded(ConnectlySimulator sim) {
        sim.clearRequests();
        Api.send("POST", new Api(sim).url("send/messages"), "nope", "{\"a\":1}");
        assertThat(sim.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/businesses/biz-42/send/messages");
            assertThat(r.header("X-API-Key")).isEqualTo("nope");
            assertThat(r.body()).isEqualTo("{\"a\":1}");
            assertThat(r.status()).isEqualTo(401);
        });
    }
}
