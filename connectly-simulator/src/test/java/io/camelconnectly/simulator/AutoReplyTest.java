package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customers who answer by themselves: what they answer, to what, and where they stop. Over real HTTP. */
class AutoReplyTest {

    private static final String FAILING = "+16045550999";
    private static final String SILENT = "+16045550998";
    private ConnectlySimulator sim;
    private WebhookReceiver receiver;
    private Api api;

    @BeforeEach
    void start() {
        sim = ConnectlySimulator.builder()
                .eventLoops(1) // one loop: timers with the same delay fire in the order they were set
                .statusDelay(Duration.ofMillis(5))
                .autoReply(Duration.ofMillis(50))
                .failingNumbers(FAILING)
                .noAutoReply(SILENT)
                .build().start();
        receiver = new WebhookReceiver();
        api = new Api(sim);
        assertThat(api.post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"" + receiver.url("/hook") + "\"}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private List<JsonNode> eventsFrom(String customer) {
        return receiver.received().stream().map(WebhookReceiver.Received::json)
                .filter(e -> customer.equals(e.path("sender").path("id").asText())).collect(Collectors.toList());
    }

    private String sendTemplate(String customer, String name, String parameters) {
        Api.Response response = api.post("send/whatsapp_templated_messages", "{\"number\":\"" + customer + "\",\"templateName\":\""
                + name + "\",\"language\":\"en\"" + parameters + ",\"callbackData\":{\"orderId\":\"A-7\"}}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asText();
    }

    private String sendSession(String customer, String message) {
        Api.Response response = api.post("send/messages", "{\"recipient\":{\"id\":\"" + customer + "\",\"channelType\":\"whatsapp\"},"
                + "\"message\":" + message + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asText();
    }

    @Test
    void customersTapTheFirstOptionAndAnswerTexts() {
        String customer = "+16045550401";
        String template = sendTemplate(customer, "order_shipped", ",\"parameters\":[{\"name\":\"body_1\",\"value\":\"Ana\"},"
                + "{\"name\":\"body_2\",\"value\":\"A-7\"}]");
        await().until(() -> eventsFrom(customer).size() == 1);
        JsonNode tap = eventsFrom(customer).get(0);
        assertThat(tap.path("buttonResponse").path("text").asText()).isEqualTo("Track");
        assertThat(tap.path("buttonResponse").path("payload").asText()).isEqualTo("Track");
        assertThat(tap.path("context").path("replyToId").asText()).isEqualTo(template);
        assertThat(tap.path("callbackData").path("orderId").asText()).isEqualTo("A-7");
        WebhookReceiver.Received raw = receiver.received().get(0);
        assertThat(raw.signature()).isEqualTo(new WebhookSigner(sim.webhookSecret()).sign(raw.body().getBytes(StandardCharsets.UTF_8)));

        // the tap opened the window: session messages now
        sendSession(customer, "{\"replyButtonMessage\":{\"header\":{\"text\":\"Leave it with a neighbour?\"},"
                + "\"buttons\":[{\"id\":\"neighbour-yes\",\"text\":\"Yes\"},{\"id\":\"neighbour-no\",\"text\":\"No\"}]}}");
        await().until(() -> eventsFrom(customer).size() == 2);
        assertThat(eventsFrom(customer).get(1).path("buttonResponse").path("payload").asText()).isEqualTo("neighbour-yes");

        sendSession(customer, "{\"listMessage\":{\"button\":{\"id\":\"days\",\"text\":\"Pick a day\"},\"sections\":[{\"title\":\"Week\","
                + "\"rows\":[{\"id\":\"thu\",\"text\":\"Thursday\",\"description\":\"9-12\"},{\"id\":\"fri\",\"text\":\"Friday\"}]}]}}");
        await().until(() -> eventsFrom(customer).size() == 3);
        JsonNode row = eventsFrom(customer).get(2).path("listResponse");
        assertThat(row.path("id").asText()).isEqualTo("thu");
        assertThat(row.path("title").asText()).isEqualTo("Thursday");
        assertThat(row.path("description").asText()).isEqualTo("9-12");
        assertThat(sim.conversation(customer)).filteredOn(m -> !m.outbound()).allSatisfy(m -> assertThat(m.automatic()).isTrue());

        // a template without buttons is answered with text
        String other = "+16045550402";
        sendTemplate(other, "welcome", "");
        await().until(() -> eventsFrom(other).size() == 1);
        assertThat(eventsFrom(other).get(0).path("message").path("text").asText()).isEqualTo("Thanks, got it!");
    }

    @Test
    void neverToFailedMessagesOptedOutCustomersOrMedia() {
        sendTemplate(FAILING, "welcome", "");
        sendTemplate(SILENT, "welcome", "");
        String optedOutLater = "+16045550403";
        sim.customer(optedOutLater).autoReplies(false);
        sendTemplate(optedOutLater, "welcome", "");
        String media = "+16045550404";
        sim.customer(media).sendsText("send me the invoice");
        sendSession(media, "{\"attachments\":[{\"type\":\"document\",\"url\":\"https://example.com/invoice.pdf\"}]}");
        // a customer who does answer, scheduled last: once it answered, the others had their turn
        String witness = "+16045550405";
        sendTemplate(witness, "welcome", "");
        await().until(() -> eventsFrom(witness).size() == 1);

        assertThat(eventsFrom(FAILING)).isEmpty();
        assertThat(eventsFrom(SILENT)).isEmpty();
        assertThat(eventsFrom(optedOutLater)).isEmpty();
        assertThat(eventsFrom(media)).hasSize(1); // only the text written by hand
        assertThat(sim.autoReplier().sent()).isEqualTo(1);
    }

    @Test
    void anApplicationThatAnswersEveryReplyCannotStartAnEndlessExchange() {
        String customer = "+16045550406";
        sim.customer(customer).sendsText("hello");
        for (int round = 1; round <= 3; round++) {
            sendSession(customer, "{\"text\":\"Anything else? (" + round + ")\"}");
            int expected = round + 1;
            await().until(() -> eventsFrom(customer).size() == expected);
        }
        long skippedBefore = sim.autoReplier().skipped();
        sendSession(customer, "{\"text\":\"Anything else? (4)\"}");
        await().until(() -> sim.autoReplier().skipped() == skippedBefore + 1);
        assertThat(eventsFrom(customer)).hasSize(4);

        // the customer writing by hand starts a new exchange
        sim.customer(customer).sendsText("one more thing");
        sendSession(customer, "{\"text\":\"Sure?\"}");
        await().until(() -> eventsFrom(customer).size() == 6);
        // and so does a template from the business
        for (int i = 0; i < 2; i++) {
            sendSession(customer, "{\"text\":\"More?\"}");
        }
        long skipped = sim.autoReplier().skipped();
        sendSession(customer, "{\"text\":\"Still there?\"}");
        await().until(() -> sim.autoReplier().skipped() == skipped + 1);
        sendTemplate(customer, "welcome", "");
        await().until(() -> eventsFrom(customer).size() == 9);
    }

    @Test
    void settingsChangeOverHttpAndFromTheCommandLine() throws Exception {
        String autoReply = sim.baseUrl() + "/_sim/auto-reply";
        JsonNode changed = Api.send("POST", autoReply, null, "{\"enabled\":false,\"text\":\"OK!\",\"limit\":2}").json();
        assertThat(changed.path("enabled").asBoolean()).isFalse();
        assertThat(changed.path("text").asText()).isEqualTo("OK!");
        assertThat(sim.autoReplyEnabled()).isFalse();
        assertThat(Api.send("POST", autoReply, null, "{\"delay\":\"soon\"}").status()).isEqualTo(400);
        assertThat(Api.send("POST", autoReply, null, "{\"often\":true}").json().path("message").asText()).contains("often");
        Api.send("POST", sim.baseUrl() + "/_sim/customers/%2B16045550407/auto-reply", null, "{\"enabled\":false}");
        JsonNode settings = Api.send("GET", autoReply, null, null).json();
        assertThat(settings.path("optedOut")).extracting(JsonNode::asText).contains("+16045550407", SILENT);

        sim.autoReply(Duration.ofMillis(10));
        sim.rateLimit(9, Duration.ofSeconds(2));
        // what an application embedding the simulator prints: URLs and settings as they are now, no credentials
        assertThat(sim.summary()).contains(sim.chatPageUrl(), sim.baseUrl() + "/v1/businesses/" + sim.businessId(),
                "autoReply=after 10ms", "rateLimit=9/s (Retry-After 2s)").doesNotContain(sim.apiKey(), sim.webhookSecret());
        assertThat(sim.chatPageUrl()).isEqualTo(sim.baseUrl() + "/_sim/");
        sim.rateLimit(0, Duration.ofSeconds(1));
        String customer = "+16045550408";
        sendTemplate(customer, "welcome", "");
        await().until(() -> eventsFrom(customer).size() == 1);
        assertThat(eventsFrom(customer).get(0).path("message").path("text").asText()).isEqualTo("OK!");

        ConnectlySimulator.Builder builder = Main.parse(new String[] {"--auto-reply", "1s", "--auto-reply-text", "Yes",
            "--auto-reply-limit", "5", "--no-auto-reply", "+16045550409"});
        assertThat(builder.describe()).contains("autoReply=after 1s");
        assertThatThrownBy(() -> Main.parse(new String[] {"--auto-reply-limit", "0"})).hasMessageContaining("--auto-reply-limit");
        assertThatThrownBy(() -> Main.parse(new String[] {"--no-auto-reply", "6045550409"})).hasMessageContaining("E.164");
    }

    @Test
    void aCustomerTapsAnOptionByItsTitle() {
        String customer = "+16045550410";
        sim.customer(customer).autoReplies(false);
        String template = sendTemplate(customer, "order_shipped", ",\"parameters\":[{\"name\":\"body_1\",\"value\":\"Ana\"},"
                + "{\"name\":\"body_2\",\"value\":\"A-7\"}]");
        assertThat(sim.conversation(customer).get(0).replyOptions()).extracting(ChatMessage.ReplyOption::title)
                .containsExactly("Track", "Thanks");
        Api.send("POST", sim.baseUrl() + "/_sim/customers/" + customer + "/messages", null,
                "{\"replyToId\":\"" + template + "\",\"tap\":\"Thanks\"}");
        await().until(() -> eventsFrom(customer).size() == 1);
        assertThat(eventsFrom(customer).get(0).path("buttonResponse").path("text").asText()).isEqualTo("Thanks");
        assertThat(eventsFrom(customer).get(0).path("callbackData").path("orderId").asText()).isEqualTo("A-7");
        assertThatThrownBy(() -> sim.customer(customer).taps(template, "Cancel")).hasMessageContaining("[Track, Thanks]");
    }
}
