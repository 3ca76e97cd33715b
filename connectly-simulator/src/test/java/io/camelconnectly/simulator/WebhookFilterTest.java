package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook configuration.filters and channelTypes: applied to every event, validated at registration, over real HTTP. */
class WebhookFilterTest {

    private static final String CUSTOMER = "+16045550123";
    private static final String SPRING_FILTER = "{\"filters\":[{\"field\":\"campaign_name\",\"expression\":\"spring_*\"}]}";
    private ConnectlySimulator sim;
    private WebhookReceiver receiver;
    private Api api;

    @BeforeEach
    void start() {
        sim = ConnectlySimulator.builder().statusDelay(Duration.ofMillis(20)).build().start();
        receiver = new WebhookReceiver();
        api = new Api(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private Api.Response create(String topic, String configuration) {
        return api.post("create/webhooks", "{\"topic\":\"" + topic + "\",\"address\":\"" + receiver.url("/" + topic) + "\","
                + "\"configuration\":" + configuration + "}");
    }

    private String register(String topic, String configuration) {
        Api.Response response = create(topic, configuration);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("entity").path("id").asText();
    }

    /** Sends the welcome template with the given campaignName (null: none) and returns the message id. */
    private String sendTemplate(String campaignName) {
        Api.Response response = api.post("send/whatsapp_templated_messages", "{\"number\":\"" + CUSTOMER + "\","
                + "\"templateName\":\"welcome\",\"language\":\"en\""
                + (campaignName == null ? "" : ",\"campaignName\":\"" + campaignName + "\"") + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asText();
    }

    private List<WebhookDelivery> deliveriesOf(String messageId) {
        return sim.webhookDeliveries().stream().filter(d -> d.body().contains("\"" + messageId + "\"")).collect(Collectors.toList());
    }

    @Test
    void aCampaignNameFilterPassesOnlyMatchingStatuses() {
        register("delivery_status", SPRING_FILTER);
        String spring = sendTemplate("spring_sale_2026");
        String autumn = sendTemplate("autumn");
        String none = sendTemplate(null);
        String sendout = api.post("send/campaigns", "{\"entries\":[{\"client\":\"+16045550124\",\"campaignName\":\"spring_sale\"}]}")
                .json().path("data").get(0).path("sendoutId").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(receiver.statuses(spring)).containsExactly("sent", "delivered", "read");
            assertThat(deliveriesOf(autumn)).hasSize(3);
            assertThat(deliveriesOf(none)).hasSize(3);
            assertThat(receiver.received()).filteredOn(r -> r.body().contains("+16045550124")).hasSize(3);
        });
        assertThat(sendout).isNotEmpty();
        assertThat(receiver.statuses(autumn)).isEmpty();
        assertThat(receiver.statuses(none)).isEmpty();
        assertThat(receiver.received()).allSatisfy(r ->
                assertThat(r.json().path("metadata").path("campaign_name").asText()).startsWith("spring_"));

        assertThat(deliveriesOf(spring)).allSatisfy(d -> {
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.succeeded()).isTrue();
            assertThat(d.filtered()).isFalse();
        });
        assertThat(deliveriesOf(autumn)).allSatisfy(d -> {
            assertThat(d.filtered()).isTrue();
            assertThat(d.attempt()).isZero();
            assertThat(d.signature()).isNull();
            assertThat(d.willRetry()).isFalse();
            assertThat(d.error()).isEqualTo("filtered: campaign_name 'autumn' does not match 'spring_*'");
        });
        assertThat(deliveriesOf(none)).allSatisfy(d -> {
            assertThat(d.filtered()).isTrue();
            assertThat(d.error()).isEqualTo("filtered: the event has no campaign_name (filter campaign_name 'spring_*')");
        });

        JsonNode recorded = Api.send("GET", sim.baseUrl() + "/_sim/webhook-deliveries", null, null).json();
        assertThat(recorded).filteredOn(d -> d.path("body").asText().contains(autumn)).hasSize(3)
                .allSatisfy(d -> assertThat(d.path("error").asText()).startsWith("filtered: "));
    }

    @Test
    void everyFilterMustMatch() {
        register("delivery_status", "{\"filters\":[{\"field\":\"campaign_name\",\"expression\":\"spring_*\"},"
                + "{\"field\":\"campaign_name\",\"expression\":\"*_2026\"}]}");
        String both = sendTemplate("spring_sale_2026");
        String onlyFirst = sendTemplate("spring_sale_2025");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(receiver.statuses(both)).containsExactly("sent", "delivered", "read");
            assertThat(deliveriesOf(onlyFirst)).hasSize(3).allSatisfy(d ->
                    assertThat(d.error()).isEqualTo("filtered: campaign_name 'spring_sale_2025' does not match '*_2026'"));
        });
        assertThat(receiver.statuses(onlyFirst)).isEmpty();
    }

    @Test
    void anUpdateReplacesTheFilter() {
        String id = register("delivery_status", SPRING_FILTER);
        Api.Response updated = api.put("update/webhooks/" + id,
                "{\"configuration\":{\"filters\":[{\"field\":\"campaign_name\",\"expression\":\"autumn?\"}]}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("entity").path("configuration").path("filters").get(0).path("expression").asText())
                .isEqualTo("autumn?");
        assertThat(api.get("webhooks").json().path("entity").path("webhooks").get(0).path("configuration")
                .path("filters").get(0).path("expression").asText()).isEqualTo("autumn?");

        String spring = sendTemplate("spring_sale_2026");
        String autumn = sendTemplate("autumn1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(receiver.statuses(autumn)).containsExactly("sent", "delivered", "read");
            assertThat(deliveriesOf(spring)).hasSize(3).allMatch(WebhookDelivery::filtered);
        });
        assertThat(receiver.statuses(spring)).isEmpty();

        // without configuration.filters the registration passes everything again
        assertThat(api.put("update/webhooks/" + id, "{\"configuration\":{\"echo\":false}}").status()).isEqualTo(200);
        String any = sendTemplate(null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(receiver.statuses(any)).containsExactly("sent", "delivered", "read"));
    }

    @Test
    void badFiltersAreRefusedWith400AndChangeNothing() {
        Api.Response unknown = create("delivery_status", "{\"filters\":[{\"field\":\"template_name\",\"expression\":\"order_*\"}]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("ERROR_CODE_INVALID_REQUEST");
        assertThat(unknown.json().path("message").asText())
                .contains("configuration.filters[0].field 'template_name' is not supported").contains("[campaign_name]");
        assertThat(api.get("webhooks").json().path("entity").path("webhooks")).isEmpty();

        assertThat(create("delivery_status", "{\"filters\":[{\"expression\":\"x*\"}]}").json().path("message").asText())
                .contains("configuration.filters[0].field is required").contains("campaign_name");
        assertThat(create("delivery_status", "{\"filters\":[{\"field\":null,\"expression\":\"x*\"}]}").status()).isEqualTo(400);
        Api.Response nullExpression = create("delivery_status",
                "{\"filters\":[{\"field\":\"campaign_name\",\"expression\":\"a*\"},{\"field\":\"campaign_name\",\"expression\":null}]}");
        assertThat(nullExpression.status()).isEqualTo(400);
        assertThat(nullExpression.json().path("message").asText()).contains("configuration.filters[1].expression is required");
        assertThat(create("delivery_status", "{\"filters\":{\"field\":\"campaign_name\"}}").json().path("message").asText())
                .contains("configuration.filters must be an array");
        assertThat(create("delivery_status", "{\"channelTypes\":\"whatsapp\"}").json().path("message").asText())
                .contains("configuration.channelTypes must be an array");
        assertThat(create("delivery_status", "{\"channelTypes\":[null]}").json().path("message").asText())
                .contains("configuration.channelTypes[0]");
        assertThat(api.get("webhooks").json().path("entity").path("webhooks")).isEmpty();

        String id = register("delivery_status", SPRING_FILTER);
        Api.Response badUpdate = api.put("update/webhooks/" + id, "{\"address\":\"" + receiver.url("/other") + "\","
                + "\"configuration\":{\"filters\":[{\"field\":\"campaignName\",\"expression\":\"*\"}]}}");
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(badUpdate.json().path("message").asText()).contains("'campaignName' is not supported");
        JsonNode unchanged = api.get("webhooks").json().path("entity").path("webhooks").get(0);
        assertThat(unchanged.path("address").asText()).isEqualTo(receiver.url("/delivery_status"));
        assertThat(unchanged.path("configuration").path("filters").get(0).path("expression").asText()).isEqualTo("spring_*");
    }

    @Test
    void channelTypesWithoutWhatsappGetNothing() {
        String id = register("messages", "{\"channelTypes\":[\"sms\"]}");
        sim.customer(CUSTOMER).sendsText("hello?");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.webhookDeliveries().size() == 1);
        WebhookDelivery filtered = sim.webhookDeliveries().get(0);
        assertThat(filtered.filtered()).isTrue();
        assertThat(filtered.error()).isEqualTo("filtered: channelTypes [sms] do not include whatsapp (the only channel simulated)");
        assertThat(filtered.body()).contains("hello?");
        assertThat(receiver.received()).isEmpty();

        assertThat(api.put("update/webhooks/" + id, "{\"configuration\":{\"channelTypes\":[\"sms\",\"whatsapp\"]}}").status())
                .isEqualTo(200);
        sim.customer(CUSTOMER).sendsText("now?");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).json().path("message").path("text").asText()).isEqualTo("now?");
    }

    @Test
    void customerEventsHaveNoCampaignName() {
        register("messages", "{\"filters\":[{\"field\":\"campaign_name\",\"expression\":\"*\"}]}");
        sim.customer(CUSTOMER).sendsText("hi");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.webhookDeliveries().size() == 1);
        assertThat(sim.webhookDeliveries().get(0).error()).isEqualTo("filtered: the event has no campaign_name (filter campaign_name '*')");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void globSyntax() {
        assertThat(WebhookConfiguration.glob("spring_*").matcher("spring_").matches()).isTrue();
        assertThat(WebhookConfiguration.glob("spring_*").matcher("spring_sale_2026").matches()).isTrue();
        assertThat(WebhookConfiguration.glob("spring_*").matcher("Spring_sale").matches()).isFalse();
        assertThat(WebhookConfiguration.glob("spring_*").matcher("a_spring_sale").matches()).isFalse();
        assertThat(WebhookConfiguration.glob("*sale*").matcher("spring_sale_2026").matches()).isTrue();
        assertThat(WebhookConfiguration.glob("sale_202?").matcher("sale_2026").matches()).isTrue();
        assertThat(WebhookConfiguration.glob("sale_202?").matcher("sale_202").matches()).isFalse();
        assertThat(WebhookConfiguration.glob("sale_202?").matcher("sale_20266").matches()).isFalse();
        // everything but * and ? is literal, regex syntax included
        assertThat(WebhookConfiguration.glob("a.b").matcher("a.b").matches()).isTrue();
        assertThat(WebhookConfiguration.glob("a.b").matcher("axb").matches()).isFalse();
        assertThat(WebhookConfiguration.glob("[x]+\\E(").matcher("[x]+\\E(").matches()).isTrue();
        assertThat(WebhookConfiguration.glob("*").matcher("multi\nline").matches()).isTrue();
    }
}
