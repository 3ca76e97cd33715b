package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults over real HTTP: which requests get them, what the client sees, and what took effect. */
class FaultInjectionTest {

    private static final String TEMPLATE = "{\"number\":\"%s\",\"templateName\":\"welcome\",\"language\":\"en\"}";
    private ConnectlySimulator sim;
    private Api api;

    @BeforeEach
    void start() {
        sim = ConnectlySimulator.builder().eventLoops(1).build().start();
        api = new Api(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Api.Response sendTemplate(String customer) {
        return api.post("send/whatsapp_templated_messages", String.format(TEMPLATE, customer));
    }

    @Test
    void statusBurstsHitOnlyTheSelectedOperationsAndTakeNoEffect() {
        ActiveFault burst = sim.inject(Fault.status(503).times(2).onSends());
        assertThat(api.post("get/templates", null).status()).as("not a send").isEqualTo(200);
        Api.Response first = sendTemplate("+16045550301");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isNull();
        assertThat(first.code()).isEqualTo("ERROR_CODE_SIMULATED_FAILURE");
        assertThat(first.json().path("type").asText()).isEqualTo("ERROR_TYPE_UNAVAILABLE");
        assertThat(sendTemplate("+16045550301").status()).isEqualTo(503);
        assertThat(sendTemplate("+16045550301").status()).as("the burst is over").isEqualTo(200);
        assertThat(burst.applied()).isEqualTo(2);
        assertThat(burst.finished()).isTrue();
        assertThat(sim.faults()).isEmpty();
        assertThat(sim.acceptedMessages("+16045550301")).as("the 503s did not send").isEqualTo(1);
        OperationStats stats = sim.operationStats(ApiOperation.SEND_TEMPLATE);
        assertThat(stats.requests()).isEqualTo(3);
        assertThat(stats.faulted()).isEqualTo(2);
        assertThat(stats.tookEffect()).isEqualTo(1);
        assertThat(sim.requests()).extracting(RecordedRequest::fault)
                .containsExactly(null, "status 503", "status 503", null);

        // a bare 503 as a proxy answers it, and one that asks to come back later
        sim.inject(Fault.status(503).withoutErrorBody().times(1).on(ApiOperation.SEND_TEMPLATE));
        Api.Response bare = sendTemplate("+16045550301");
        assertThat(bare.status()).isEqualTo(503);
        assertThat(bare.header("Content-Type")).startsWith("text/plain");
        assertThat(bare.body()).isEqualTo("Service Unavailable");
        assertThat(bare.header("Retry-After")).isNull();
        sim.inject(Fault.status(503).retryAfter(Duration.ofSeconds(7)).times(1));
        Api.Response later = sendTemplate("+16045550301");
        assertThat(later.header("Retry-After")).isEqualTo("7");
        assertThat(later.json().path("cntTraceId").asText()).matches("[0-9]+");
        // 429 carries Retry-After: 1 unless told otherwise
        sim.inject(Fault.status(429).times(1));
        assertThat(sendTemplate("+16045550301").header("Retry-After")).isEqualTo("1");
        sim.inject(Fault.status(429).withoutRetryAfter().times(1));
        assertThat(sendTemplate("+16045550301").header("Retry-After")).isNull();
        assertThat(sim.acceptedMessages("+16045550301")).isEqualTo(1);
    }

    @Test
    void anErrorAfterTheEffectLeavesTheMessageSent() {
        sim.inject(Fault.status(504).afterEffect().times(1).on(ApiOperation.SEND_TEMPLATE));
        assertThat(sendTemplate("+16045550302").status()).isEqualTo(504);
        assertThat(sim.acceptedMessages("+16045550302")).isEqualTo(1);
        assertThat(sim.operationStats(ApiOperation.SEND_TEMPLATE).tookEffect()).isEqualTo(1);
        assertThat(sim.requests().get(0).fault()).isEqualTo("status 504 after effect");
    }

    @Test
    void aDelayedAnswerTakesEffectAtOnceAndBlocksNoEventLoop() throws Exception {
        sim.inject(Fault.delay(Duration.ofSeconds(3)).times(2).on(ApiOperation.SEND_TEMPLATE));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url("send/whatsapp_templated_messages")))
                .header("X-API-Key", sim.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(String.format(TEMPLATE, "+16045550303")));

        // a client that gives up before the answer: the message was sent all the same
        assertThatThrownBy(() -> client.send(request.timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.acceptedMessages("+16045550303")).isEqualTo(1);

        // a patient client gets the answer; meanwhile the only event loop keeps serving other requests
        CompletableFuture<HttpResponse<String>> patient = client.sendAsync(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        await().until(() -> sim.acceptedMessages("+16045550303") == 2);
        assertThat(api.get("get/quality_signals").status()).isEqualTo(200);
        assertThat(patient).as("still waiting for its delayed answer").isNotDone();
        HttpResponse<String> answer = patient.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Api.MAPPER.readTree(answer.body()).path("id").asText()).hasSize(26);
        assertThat(sim.requests()).filteredOn(r -> "delay 3s".equals(r.fault())).hasSize(2);
    }

    @Test
    void aResetCutsTheAnswerAfterTheMessageWasSent() throws Exception {
        sim.inject(Fault.reset().times(1).on(ApiOperation.SEND_TEMPLATE));
        String body = String.format(TEMPLATE, "+16045550304");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        IOException cut = null;
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/businesses/" + sim.businessId() + "/send/whatsapp_templated_messages HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nX-API-Key: " + sim.apiKey() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                cut = e;
            }
        }
        String text = received.toString(StandardCharsets.UTF_8);
        assertThat(cut).as("the connection was reset, not closed in order; received: " + text).isNotNull();
        assertThat(cut.getMessage()).containsIgnoringCase("reset");
        assertThat(text).startsWith("HTTP/1.1 200");
        int declared = Integer.parseInt(text.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
        String partial = text.substring(text.indexOf("\r\n\r\n") + 4);
        assertThat(partial).startsWith("{\"id\":\"");
        assertThat(partial.length()).isLessThan(declared);
        assertThat(sim.acceptedMessages("+16045550304")).as("sent before the reset").isEqualTo(1);

        // what an HTTP client makes of it
        sim.inject(Fault.reset().times(1));
        assertThatThrownBy(() -> api.get("get/quality_signals")).hasCauseInstanceOf(IOException.class);
        assertThat(api.get("get/quality_signals").status()).isEqualTo(200);
    }

    @Test
    void aFractionIsAppliedEvenly() {
        ActiveFault half = sim.inject(Fault.status(500).fraction(0.5).on(ApiOperation.GET_TEMPLATES));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api.post("get/templates", null).status());
        }
        assertThat(statuses).containsExactly(200, 500, 200, 500, 200, 500);
        half.cancel();
        assertThat(api.post("get/templates", null).status()).isEqualTo(200);
    }

    @Test
    void theRateLimitAndItsRetryAfterChangeWhileRunning() {
        assertThat(Api.send("POST", sim.baseUrl() + "/_sim/rate-limit", null, "{\"perSecond\":1,\"retryAfter\":\"3s\"}").json()
                .path("retryAfter").asText()).isEqualTo("3s");
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            responses.add(sendTemplate("+16045550305"));
        }
        Api.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.header("Retry-After")).isEqualTo("3");
        assertThat(sim.operationStats(ApiOperation.SEND_TEMPLATE).rateLimited()).isPositive();
        assertThat(sim.acceptedMessages("+16045550305")).isEqualTo(responses.stream().filter(r -> r.status() == 200).count());

        sim.rateLimit(0, Duration.ofSeconds(1));
        assertThat(Api.send("GET", sim.baseUrl() + "/_sim/rate-limit", null, null).json().path("perSecond").asInt()).isZero();
        assertThatThrownBy(() -> sim.rateLimit(5, Duration.ofMillis(1500))).hasMessageContaining("whole seconds");
    }

    @Test
    void faultsAreManagedOverHttp() {
        String sim = this.sim.baseUrl() + "/_sim/faults";
        JsonNode injected = Api.send("POST", sim, null,
                "{\"kind\":\"delay\",\"delay\":\"2s\",\"operations\":[\"sends\",\"get/templates\"],\"times\":3}").json();
        assertThat(injected.path("fault").asText()).isEqualTo("delay 2s");
        assertThat(injected.path("operations")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("send/messages", "send/whatsapp_templated_messages", "send/campaigns", "get/templates");
        Api.send("POST", sim, null, "{\"status\":503,\"retryAfter\":\"2s\",\"errorBody\":false,\"count\":1}");
        assertThat(Api.send("GET", sim, null, null).json()).hasSize(2);
        assertThat(Api.send("DELETE", sim + "/" + injected.path("id").asText(), null, null).status()).isEqualTo(200);
        assertThat(Api.send("GET", sim, null, null).json()).hasSize(1);
        assertThat(Api.send("DELETE", sim, null, null).status()).isEqualTo(200);
        assertThat(this.sim.faults()).isEmpty();

        Api.Response unknownField = Api.send("POST", sim, null, "{\"status\":503,\"burst\":2}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("message").asText()).contains("burst").contains("known fields");
        Api.Response unknownOperation = Api.send("POST", sim, null, "{\"kind\":\"reset\",\"operations\":\"send/everything\"}");
        assertThat(unknownOperation.json().path("message").asText()).contains("send/everything").contains("get/templates");
        Api.Response misplaced = Api.send("POST", sim, null, "{\"kind\":\"reset\",\"retryAfter\":\"1s\"}");
        assertThat(misplaced.json().path("message").asText()).contains("retryAfter does not apply to a reset fault");

        JsonNode stats = Api.send("GET", this.sim.baseUrl() + "/_sim/stats", null, null).json();
        assertThat(stats.path("operations").path("send/messages").path("requests").asLong()).isZero();
    }

    @Test
    void faultsAndTheRetryAfterComeFromTheCommandLine() throws Exception {
        ConnectlySimulator.Builder builder = Main.parse(new String[] {"--port", "0", "--rate-limit", "5",
            "--rate-limit-retry-after", "4s", "--fault", "status=503,operations=send/messages+get/templates,times=2"});
        try (ConnectlySimulator started = builder.build().start()) {
            assertThat(started.rateLimitRetryAfter()).isEqualTo(Duration.ofSeconds(4));
            assertThat(started.faults()).singleElement().satisfies(f -> {
                assertThat(f.fault().httpStatus()).isEqualTo(503);
                assertThat(f.fault().operations()).containsExactlyInAnyOrder(ApiOperation.SEND_MESSAGE, ApiOperation.GET_TEMPLATES);
                assertThat(f.fault().times()).isEqualTo(2);
            });
            assertThat(builder.describe()).contains("Retry-After 4s").contains("faults=[status 503]");
        }
        assertThatThrownBy(() -> Main.parse(new String[] {"--fault", "kind=delay"}))
                .hasMessageContaining("--fault").hasMessageContaining("needs delay");
        assertThatThrownBy(() -> Main.parse(new String[] {"--rate-limit-retry-after", "500ms"}))
                .hasMessageContaining("whole seconds");
    }
}
