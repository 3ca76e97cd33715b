package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook registration rules, delivery statuses, customer events, signatures and redelivery, all over real HTTP. */
class WebhookTest {

    private static final String CUSTOMER = "+16045550123";
    private ConnectlySimulator sim;
    private WebhookReceiver receiver;
    private Api api;

    @BeforeEach
    void start() {
        sim = ConnectlySimulator.builder()
                .webhookSecret("whsec_test_5f2b9c7e1a4d")
                .failingNumbers("+16045550999")
                .statusDelay(Duration.ofMillis(20))
                .webhookRetryDelay(Duration.ofMillis(100))
                .webhookTimeout(Duration.ofMillis(300))
                .webhookMaxAttempts(3)
                .build().start();
        receiver = new WebhookReceiver();
        api = new Api(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private String register(String topic, String path) {
        Api.Response response = api.post("create/webhooks", "{\"topic\":\"" + topic + "\",\"address\":\"" + receiver.url(path) + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("entity").path("id").asText();
    }

    private void assertSigned(WebhookReceiver.Received received) {
        assertThat(received.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(received.signature()).isEqualTo(new WebhookSigner("whsec_test_5f2b9c7e1a4d").sign(received.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void registrationRules() {
        assertThat(api.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"http://example.com/hook\"}").json()
                .path("message").asText()).contains("https://");
        assertThat(api.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"http://10.0.0.1/hook\"}").status()).isEqualTo(400);
        assertThat(api.post("create/webhooks", "{\"topic\":\"orders\",\"address\":\"https://example.com/hook\"}").status()).isEqualTo(400);
        assertThat(api.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"ftp://example.com/hook\"}").status()).isEqualTo(400);

        Api.Response created = api.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"https://example.com/hook\"}");
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().path("entity").path("id").asText();
        assertThat(created.json().path("entity").path("topic").asText()).isEqualTo("messages");

        Api.Response again = api.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"https://example.com/other\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("cntTraceId").asText()).matches("[0-9]+");

        for (String loopback : new String[] {"http://localhost:9/x", "http://127.0.0.2:9/x", "http://[::1]:9/x"}) {
            Api.Response ok = api.post("create/webhooks", "{\"topic\":\"delivery_status\",\"address\":\"" + loopback + "\"}");
            assertThat(ok.status()).as(loopback + " " + ok).isEqualTo(200);
            assertThat(api.delete("delete/webhooks/" + ok.json().path("entity").path("id").asText()).body()).isEqualTo("{}");
        }

        JsonNode list = api.get("webhooks").json().path("entity");
        assertThat(list.path("businessId").asText()).isEqualTo(sim.businessId());
        assertThat(list.path("webhooks")).hasSize(1);
        assertThat(list.path("webhooks").get(0).path("address").asText()).isEqualTo("https://example.com/hook");

        Api.Response updated = api.put("update/webhooks/" + id, "{\"address\":\"https://example.com/new\"}");
        assertThat(updated.json().path("entity").path("address").asText()).isEqualTo("https://example.com/new");
        assertThat(api.put("update/webhooks/" + id, "{\"address\":\"http://example.com/new\"}").status()).isEqualTo(400);
        assertThat(api.put("update/webhooks/wh_missing", "{\"address\":\"https://example.com/x\"}").status()).isEqualTo(404);
        assertThat(api.delete("delete/webhooks/" + id).status()).isEqualTo(200);
        assertThat(api.delete("delete/webhooks/" + id).status()).isEqualTo(404);
        assertThat(api.get("webhooks").json().path("entity").path("webhooks")).isEmpty();
    }

    @Test
    void everyAcceptedMessageGetsSentDeliveredReadEchoingCallbackData() {
        register("delivery_status", "/status");
        sim.customer(CUSTOMER).named("Ana").sendsText("hi");
        String sessionId = api.post("send/messages", "{\"recipient\":{\"id\":\"" + CUSTOMER + "\",\"channelType\":\"whatsapp\"},"
                + "\"message\":{\"text\":\"Your parcel left\"},\"callbackData\":{\"orderId\":\"A-1001\"}}").json().path("id").asText();
        String templateId = api.post("send/whatsapp_templated_messages", "{\"number\":\"" + CUSTOMER + "\",\"templateName\":\"order_shipped\","
                + "\"language\":\"en\",\"parameters\":[{\"name\":\"body_1\",\"value\":\"Ana\"},{\"name\":\"body_2\",\"value\":\"A-1002\"}],"
                + "\"callbackData\":\"plain-string\",\"campaignName\":\"shipping_notifications\"}").json().path("id").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(receiver.statuses(sessionId)).containsExactly("sent", "delivered", "read");
            assertThat(receiver.statuses(templateId)).containsExactly("sent", "delivered", "read");
        });
        JsonNode delivered = receiver.statusEvents(sessionId).get(1);
        assertThat(delivered.path("topic").asText()).isEqualTo("delivery_status");
        assertThat(delivered.path("timestamp").asText()).matches("[0-9]{10}");
        assertThat(delivered.path("sender").path("id").asText()).isEqualTo(ConnectlySimulator.DEFAULT_BUSINESS_NUMBER);
        assertThat(delivered.path("recipient").path("id").asText()).isEqualTo(CUSTOMER);
        assertThat(delivered.path("recipient").path("name").asText()).isEqualTo("Ana");
        assertThat(delivered.path("statusUpdate").path("error").isNull()).isTrue();
        assertThat(delivered.path("callbackData").path("orderId").asText()).isEqualTo("A-1001");
        assertThat(delivered.has("metadata")).isFalse();
        JsonNode templateRead = receiver.statusEvents(templateId).get(2);
        assertThat(templateRead.path("callbackData").asText()).isEqualTo("plain-string");
        assertThat(templateRead.path("metadata").path("campaign_name").asText()).isEqualTo("shipping_notifications");
        receiver.received().forEach(this::assertSigned);
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/status"));
        assertThat(sim.conversation(CUSTOMER)).filteredOn(ChatMessage::outbound).allSatisfy(
                m -> assertThat(m.status()).isEqualTo(DeliveryStatus.READ));
    }

    @Test
    void campaignMessagesCarryTheCampaignName() {
        register("delivery_status", "/status");
        api.post("send/campaigns", "{\"entries\":[{\"client\":\"" + CUSTOMER + "\",\"campaignName\":\"spring_sale\"}]}");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
        assertThat(receiver.received()).allSatisfy(r ->
                assertThat(r.json().path("metadata").path("campaign_name").asText()).isEqualTo("spring_sale"));
    }

    @Test
    void configuredNumbersGetDeliveryFailedWithAnError() {
        register("delivery_status", "/status");
        String id = api.post("send/whatsapp_templated_messages", "{\"number\":\"+16045550999\",\"templateName\":\"welcome\",\"language\":\"en\","
                + "\"callbackData\":{\"k\":1}}").json().path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.statuses(id).isEmpty());
        JsonNode failed = receiver.statusEvents(id).get(0);
        assertThat(failed.path("statusUpdate").path("status").asText()).isEqualTo("delivery_failed");
        JsonNode error = failed.path("statusUpdate").path("error");
        assertThat(error.path("code").asText()).startsWith("ERROR_CODE_");
        assertThat(error.path("cntTraceId").asText()).matches("[0-9]+");
        assertThat(failed.path("callbackData").path("k").asInt()).isEqualTo(1);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> receiver.statuses(id).size() == 1);
    }

    @Test
    void customerActionsArePostedToTheMessagesTopic() {
        register("messages", "/inbound");
        ConnectlySimulator.Customer ana = sim.customer(CUSTOMER).named("Ana Souza");
        ana.sendsText("Where is my order?");
        String outboundId = api.post("send/messages", "{\"recipient\":{\"id\":\"" + CUSTOMER + "\"},\"message\":{\"replyButtonMessage\":"
                + "{\"buttons\":[{\"id\":\"track\",\"text\":\"Track parcel\"}]}},\"callbackData\":{\"orderId\":\"A-1001\"}}").json().path("id").asText();
        ana.repliesWithButton(outboundId, "Track parcel", "track");
        ana.repliesWithListRow(outboundId, "row-2", "Tomorrow", "between 9 and 12");
        ana.reactsTo(outboundId, "👍");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 4);
        List<JsonNode> events = receiver.received().stream().map(WebhookReceiver.Received::json).collect(Collectors.toList());
        JsonNode text = events.stream().filter(e -> e.path("message").has("text")).findFirst().orElseThrow();
        assertThat(text.path("sender").path("id").asText()).isEqualTo(CUSTOMER);
        assertThat(text.path("sender").path("name").asText()).isEqualTo("Ana Souza");
        assertThat(text.path("recipient").path("id").asText()).isEqualTo(ConnectlySimulator.DEFAULT_BUSINESS_NUMBER);
        assertThat(text.path("message").path("text").asText()).isEqualTo("Where is my order?");
        assertThat(text.has("callbackData")).isFalse();
        assertThat(text.has("topic")).isFalse();

        JsonNode button = events.stream().filter(e -> e.has("buttonResponse")).findFirst().orElseThrow();
        assertThat(button.path("context").path("replyToId").asText()).isEqualTo(outboundId);
        assertThat(button.path("buttonResponse").path("text").asText()).isEqualTo("Track parcel");
        assertThat(button.path("buttonResponse").path("payload").asText()).isEqualTo("track");
        assertThat(button.path("callbackData").path("orderId").asText()).isEqualTo("A-1001");

        JsonNode list = events.stream().filter(e -> e.has("listResponse")).findFirst().orElseThrow();
        assertThat(list.path("context").path("replyToId").asText()).isEqualTo(outboundId);
        assertThat(list.path("listResponse").path("id").asText()).isEqualTo("row-2");
        assertThat(list.path("listResponse").path("title").asText()).isEqualTo("Tomorrow");
        assertThat(list.path("listResponse").path("description").asText()).isEqualTo("between 9 and 12");
        assertThat(list.path("callbackData").path("orderId").asText()).isEqualTo("A-1001");

        JsonNode reaction = events.stream().filter(e -> e.path("message").has("reaction")).findFirst().orElseThrow();
        assertThat(reaction.path("message").path("reaction").path("emoji").asText()).isEqualTo("👍");
        assertThat(reaction.path("context").path("replyToId").asText()).isEqualTo(outboundId);
        assertThat(reaction.path("callbackData").path("orderId").asText()).isEqualTo("A-1001");
        receiver.received().forEach(this::assertSigned);
    }

    @Test
    void aCustomerCanBeDrivenOverHttp() {
        register("messages", "/inbound");
        Api.Response wrote = Api.send("POST", sim.baseUrl() + "/_sim/customers/%2B16045550123/messages", null, "{\"text\":\"hi there\"}");
        assertThat(wrote.status()).as(wrote.toString()).isEqualTo(200);
        String id = api.sendText(CUSTOMER, "hello").json().path("id").asText();
        Api.Response reacted = Api.send("POST", sim.baseUrl() + "/_sim/customers/+16045550123/messages", null,
                "{\"replyToId\":\"" + id + "\",\"reaction\":\"❤️\"}");
        assertThat(reacted.status()).as(reacted.toString()).isEqualTo(200);
        Api.Response unknown = Api.send("POST", sim.baseUrl() + "/_sim/customers/+16045550123/messages", null,
                "{\"replyToId\":\"nope\",\"button\":{\"text\":\"x\",\"payload\":\"y\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void aNon2xxAnswerIsRedeliveredWithBackoffAndEveryAttemptRecorded() {
        register("messages", "/inbound");
        receiver.answerNext(500, 503);
        sim.customer(CUSTOMER).sendsText("retry me");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.webhookDeliveries().size() == 3);
        List<WebhookDelivery> attempts = sim.webhookDeliveries();
        assertThat(attempts).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(WebhookDelivery::status).containsExactly(500, 503, 200);
        assertThat(attempts).extracting(WebhookDelivery::willRetry).containsExactly(true, true, false);
        assertThat(attempts).extracting(WebhookDelivery::eventId).containsOnly(attempts.get(0).eventId());
        assertThat(attempts.get(2).succeeded()).isTrue();
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::body).containsOnly(attempts.get(0).body());
        // backoff doubles: 100 ms then 200 ms
        assertThat(Duration.between(attempts.get(1).attemptedAt(), attempts.get(2).attemptedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));

        Api.Response json = Api.send("GET", sim.baseUrl() + "/_sim/webhook-deliveries", null, null);
        assertThat(json.json()).hasSize(3);
        assertThat(json.json().get(0).path("status").asInt()).isEqualTo(500);
        assertThat(json.json().get(0).path("topic").asText()).isEqualTo("messages");
    }

    @Test
    void aTimeoutIsRedeliveredAndAttemptsAreBounded() {
        register("messages", "/inbound");
        receiver.answerNext(-1000, 500, 500, 500);
        sim.customer(CUSTOMER).sendsText("slow");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.webhookDeliveries().size() == 3);
        List<WebhookDelivery> attempts = sim.webhookDeliveries();
        assertThat(attempts.get(0).timedOut()).isTrue();
        assertThat(attempts.get(0).status()).isZero();
        assertThat(attempts.get(2).willRetry()).isFalse();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sim.webhookDeliveries().size() == 3);
    }

    @Test
    void withDefaultSettingsTheFirstRedeliveryComesWithinFiveSeconds() throws Exception {
        try (ConnectlySimulator defaults = ConnectlySimulator.builder().build().start()) {
            Api defaultsApi = new Api(defaults);
            defaultsApi.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"" + receiver.url("/d") + "\"}");
            receiver.answerNext(500);
            defaults.customer(CUSTOMER).sendsText("once more");
            await().atMost(Duration.ofSeconds(8)).until(() -> defaults.webhookDeliveries().size() == 2);
            List<WebhookDelivery> attempts = defaults.webhookDeliveries();
            assertThat(Duration.between(attempts.get(0).attemptedAt(), attempts.get(1).attemptedAt())).isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(attempts.get(1).succeeded()).isTrue();
        }
    }

    @Test
    void eventsBeyondTheInFlightBoundAreDroppedAndRecorded() {
        try (ConnectlySimulator bounded = ConnectlySimulator.builder().maxPendingWebhooks(1).build().start()) {
            new Api(bounded).post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"" + receiver.url("/slow") + "\"}");
            receiver.answerNext(-500);
            bounded.customer(CUSTOMER).sendsText("first");
            bounded.customer(CUSTOMER).sendsText("second");
            await().atMost(Duration.ofSeconds(20)).until(() -> bounded.webhookDeliveries().size() == 2);
            assertThat(bounded.webhookDeliveries()).anySatisfy(d -> {
                assertThat(d.attempt()).isZero();
                assertThat(d.error()).startsWith("dropped");
                assertThat(d.body()).contains("second");
            });
            assertThat(bounded.webhookDeliveries()).anySatisfy(d -> assertThat(d.succeeded()).isTrue());
        }
    }

    @Test
    void withoutARegistrationNothingIsPosted() {
        sim.customer(CUSTOMER).sendsText("hi");
        api.sendText(CUSTOMER, "hello");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> sim.webhookDeliveries().isEmpty());
        assertThat(receiver.received()).isEmpty();
    }
}
