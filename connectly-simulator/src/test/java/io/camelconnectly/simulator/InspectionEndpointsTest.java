package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The /_sim/ JSON endpoints and the bounded request record; also the @ExtendWith form of the extension. */
@ExtendWith(ConnectlySimulatorExtension.class)
class InspectionEndpointsTest {

    private static JsonNode getJson(ConnectlySimulator sim, String path) {
        Api.Response response = Api.send("GET", sim.baseUrl() + path, null, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void requestsAreRecordedWithMethodPathHeadersAndBody(ConnectlySimulator sim) {
        sim.clearRequests();
        new Api(sim).post("send/whatsapp_templated_messages", "{\"number\":\"+16045550123\",\"templateName\":\"welcome\",\"language\":\"en\"}");
        JsonNode requests = getJson(sim, "/_sim/requests");
        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.path("method").asText()).isEqualTo("POST");
        assertThat(request.path("path").asText()).isEqualTo("/v1/businesses/" + sim.businessId() + "/send/whatsapp_templated_messages");
        assertThat(request.path("headers").path("x-api-key").asText()).isEqualTo(sim.apiKey());
        assertThat(request.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(request.path("body").asText()).contains("\"templateName\":\"welcome\"");
        assertThat(request.path("status").asInt()).isEqualTo(200);

        assertThat(Api.send("DELETE", sim.baseUrl() + "/_sim/requests", null, null).status()).isEqualTo(200);
        assertThat(getJson(sim, "/_sim/requests")).isEmpty();
    }

    @Test
    void conversationsAndClockAreInspectable(ConnectlySimulator sim) {
        sim.customer("+16045550177").named("Ravi").sendsText("hello");
        JsonNode conversation = null;
        for (JsonNode c : getJson(sim, "/_sim/conversations")) {
            if (c.path("customer").asText().equals("+16045550177")) {
                conversation = c;
            }
        }
        assertThat(conversation).isNotNull();
        assertThat(conversation.path("name").asText()).isEqualTo("Ravi");
        assertThat(conversation.path("windowOpen").asBoolean()).isTrue();
        assertThat(conversation.path("messages").get(0).path("direction").asText()).isEqualTo("inbound");
        assertThat(conversation.path("messages").get(0).path("text").asText()).isEqualTo("hello");

        assertThat(getJson(sim, "/_sim/clock").path("now").asText()).isNotBlank();
        assertThat(Api.send("POST", sim.baseUrl() + "/_sim/clock/advance?by=2d", null, null).json().path("offset").asText()).isEqualTo("2d");
        assertThat(sim.clock().offset()).isEqualTo(Duration.ofDays(2));
        assertThat(Api.send("POST", sim.baseUrl() + "/_sim/clock/advance", null, "{\"by\":\"soon\"}").status()).isEqualTo(400);
        assertThat(Api.send("GET", sim.baseUrl() + "/_sim/nothing", null, null).status()).isEqualTo(404);
    }

    @Test
    void failuresCanBeInjectedForTheNextRequests(ConnectlySimulator sim) {
        Api api = new Api(sim);
        sim.failNext(2, 503);
        Api.Response first = api.get("get/quality_signals");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("ERROR_CODE_SIMULATED_FAILURE");
        assertThat(first.json().path("cntTraceId").asText()).matches("[0-9]+");
        assertThat(api.get("get/quality_signals").status()).isEqualTo(503);
        assertThat(api.get("get/quality_signals").status()).isEqualTo(200);

        assertThat(Api.send("POST", sim.baseUrl() + "/_sim/faults", null, "{\"status\":429,\"count\":1}").status()).isEqualTo(200);
        Api.Response limited = api.get("get/quality_signals");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(api.get("get/quality_signals").status()).isEqualTo(200);
        sim.failNext(5, 500);
        sim.failNext(0, 500); // cancels
        assertThat(api.get("get/quality_signals").status()).isEqualTo(200);
        assertThatThrownBy(() -> sim.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestRecordIsABoundedRing() {
        try (ConnectlySimulator sim = ConnectlySimulator.builder().requestRecordCapacity(5).build().start()) {
            Api api = new Api(sim);
            for (int i = 0; i < 8; i++) {
                api.get("get/quality_signals");
            }
            assertThat(sim.requests()).hasSize(5);
            assertThat(sim.requests()).extracting(RecordedRequest::sequence).containsExactly(4L, 5L, 6L, 7L, 8L);
        }
    }

    @Test
    void customersMustHaveE164Numbers(ConnectlySimulator sim) {
        assertThatThrownBy(() -> sim.customer("6045550123")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E.164");
        assertThatThrownBy(() -> sim.customer("+16045550123").repliesWithButton("unknown-id", "Yes", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown-id");
    }
}
