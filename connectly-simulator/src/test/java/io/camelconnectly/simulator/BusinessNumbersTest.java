package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A business with two WhatsApp numbers: customers write to one of them, and the 24-hour window belongs to the customer
 * and that number (the FAQ's "inside the window but still refused"). Over real HTTP, with signed webhooks.
 */
class BusinessNumbersTest {

    private static final String A = "+14155550100"; // the first number: the default sender
    private static final String B = "+14155550101";
    private ConnectlySimulator sim;
    private WebhookReceiver receiver;
    private Api api;

    @BeforeEach
    void start() {
        sim = ConnectlySimulator.builder().businessNumbers(A, B).statusDelay(Duration.ofMillis(5)).eventLoops(1).build().start();
        receiver = new WebhookReceiver();
        api = new Api(sim);
        for (String topic : new String[] {"messages", "delivery_status"}) {
            assertThat(api.post("create/webhooks", "{\"topic\":\"" + topic + "\",\"address\":\"" + receiver.url("/" + topic) + "\"}")
                    .status()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private Api.Response sendText(String customer, String sender, String text) {
        return api.post("send/messages", "{" + (sender == null ? "" : "\"sender\":{\"id\":\"" + sender + "\",\"channelType\":\"whatsapp\"},")
                + "\"recipient\":{\"id\":\"" + customer + "\",\"channelType\":\"whatsapp\"},\"message\":{\"text\":\"" + text + "\"}}");
    }

    private String accepted(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asText();
    }

    private List<JsonNode> inboundFrom(String customer) {
        return receiver.received().stream().filter(r -> r.path().equals("/messages")).map(WebhookReceiver.Received::json)
                .filter(e -> customer.equals(e.path("sender").path("id").asText())).collect(Collectors.toList());
    }

    private JsonNode awaitInbound(String customer, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> inboundFrom(customer).size() >= count);
        return inboundFrom(customer).get(count - 1);
    }

    private JsonNode conversationJson(String customer) {
        for (JsonNode thread : Api.send("GET", sim.baseUrl() + "/_sim/conversations", null, null).json()) {
            if (thread.path("customer").asText().equals(customer)) {
                return thread;
            }
        }
        throw new AssertionError("no conversation with " + customer);
    }

    @Test
    void aSessionIsAcceptedOnlyFromTheNumberTheCustomerWroteTo() {
        String customer = "+16045550501";
        sim.customer(customer).to(B).sendsText("Hi B");

        Api.Response fromA = sendText(customer, A, "from A");
        assertThat(fromA.status()).isEqualTo(400);
        assertThat(fromA.code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
        assertThat(fromA.json().path("message").asText()).contains("replied to " + A).contains("wrote to " + B).contains("sender.id");
        accepted(sendText(customer, B, "from B"));
        // no sender: Connectly picks one; the simulator's pick is the first number, whose window is closed
        Api.Response picked = sendText(customer, null, "from whichever");
        assertThat(picked.code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
        assertThat(picked.json().path("message").asText()).contains("the first business number");

        JsonNode thread = conversationJson(customer);
        assertThat(thread.path("windowOpen").asBoolean()).as("the default number's window").isFalse();
        assertThat(thread.path("windowClosesAt").isNull()).isTrue();
        assertThat(thread.path("windows")).hasSize(2);
        assertThat(thread.path("windows").get(0).path("businessNumber").asText()).isEqualTo(A);
        assertThat(thread.path("windows").get(0).path("open").asBoolean()).isFalse();
        assertThat(thread.path("windows").get(1).path("businessNumber").asText()).isEqualTo(B);
        assertThat(thread.path("windows").get(1).path("open").asBoolean()).isTrue();
        assertThat(Instant.parse(thread.path("windows").get(1).path("closesAt").asText()))
                .isBetween(sim.clock().now().plus(Duration.ofHours(23)), sim.clock().now().plus(Duration.ofHours(24)));

        // writing without choosing a number goes to the first one: now a send without sender is accepted too
        assertThat(sim.customer(customer).sendsText("and hi A").businessNumber()).isEqualTo(A);
        accepted(sendText(customer, null, "from the default number"));
        assertThat(conversationJson(customer).path("windowOpen").asBoolean()).isTrue();
    }

    @Test
    void eachNumbersWindowClosesOnItsOwn() {
        String customer = "+16045550502";
        sim.customer(customer).to(B).sendsText("Hi B");
        sim.clock().advance(Duration.ofHours(23));
        sim.customer(customer).sendsText("Hi A");
        sim.clock().advance(Duration.ofHours(2));

        assertThat(sendText(customer, B, "late").code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
        accepted(sendText(customer, A, "still inside"));
        // a template needs no window, from either number
        accepted(api.post("send/whatsapp_templated_messages", "{\"number\":\"" + customer + "\",\"templateName\":\"welcome\","
                + "\"language\":\"en\",\"sender\":\"" + B + "\"}"));
    }

    @Test
    void theWebhookNamesTheNumberWrittenToAndStatusesTheNumberSentFrom() {
        String customer = "+16045550503";
        sim.customer(customer).named("Ana").to(B).sendsText("Hi B");
        JsonNode inbound = awaitInbound(customer, 1);
        assertThat(inbound.path("recipient").path("id").asText()).isEqualTo(B);
        assertThat(inbound.path("message").path("text").asText()).isEqualTo("Hi B");

        String fromB = accepted(sendText(customer, B, "from B"));
        String template = accepted(api.post("send/whatsapp_templated_messages", "{\"number\":\"" + customer + "\","
                + "\"templateName\":\"welcome\",\"language\":\"en\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.statuses(fromB).size() == 3 && receiver.statuses(template).size() == 3);
        assertThat(receiver.statusEvents(fromB)).extracting(e -> e.path("sender").path("id").asText()).containsOnly(B);
        assertThat(receiver.statusEvents(template)).as("no sender: from the first number")
                .extracting(e -> e.path("sender").path("id").asText()).containsOnly(A);
        assertThat(sim.conversation(customer)).extracting(ChatMessage::businessNumber).containsExactly(B, B, A);
    }

    @Test
    void repliesAndReactionsGoToTheNumberThatSentTheQuotedMessage() {
        String customer = "+16045550504";
        // a template from B starts the conversation; tapping its quick reply answers B and opens B's window only
        String template = accepted(api.post("send/whatsapp_templated_messages", "{\"number\":\"" + customer + "\","
                + "\"templateName\":\"order_shipped\",\"language\":\"en\",\"sender\":\"" + B + "\",\"parameters\":"
                + "[{\"name\":\"body_1\",\"value\":\"Ana\"},{\"name\":\"body_2\",\"value\":\"A-1\"}]}"));
        assertThatThrownBy(() -> sim.customer(customer).to(A).taps(template, "Track"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sent from " + B);
        sim.customer(customer).taps(template, "Track");
        JsonNode tap = awaitInbound(customer, 1);
        assertThat(tap.path("recipient").path("id").asText()).isEqualTo(B);
        assertThat(tap.path("context").path("replyToId").asText()).isEqualTo(template);
        assertThat(sendText(customer, A, "from A").code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");

        // a list from B: the row picked answers B; a reaction to the template answers B as well
        String list = accepted(api.post("send/messages", "{\"sender\":{\"id\":\"" + B + "\"},\"recipient\":{\"id\":\"" + customer
                + "\"},\"message\":{\"listMessage\":{\"button\":{\"id\":\"d\",\"text\":\"Pick\"},\"sections\":[{\"title\":\"Days\","
                + "\"rows\":[{\"id\":\"thu\",\"text\":\"Thursday\"}]}]}}}"));
        sim.customer(customer).to(B).repliesWithListRow(list, "thu", "Thursday");
        assertThat(awaitInbound(customer, 2).path("recipient").path("id").asText()).isEqualTo(B);

        // the customer writes to A, A answers; a reaction to A's message goes to A
        sim.customer(customer).to(A).sendsText("Hi A");
        String fromA = accepted(sendText(customer, A, "Hello from A"));
        sim.customer(customer).reactsTo(fromA, "👍");
        JsonNode reaction = awaitInbound(customer, 4);
        assertThat(reaction.path("message").path("reaction").path("emoji").asText()).isEqualTo("👍");
        assertThat(reaction.path("recipient").path("id").asText()).isEqualTo(A);
    }

    @Test
    void overHttpTheCustomerWritesToTheNumberGivenAsTo() {
        String customer = "+16045550505";
        String url = sim.baseUrl() + "/_sim/customers/" + customer + "/messages";
        Api.Response wrote = Api.send("POST", url, null, "{\"text\":\"Hi B\",\"to\":\"" + B + "\"}");
        assertThat(wrote.status()).as(wrote.toString()).isEqualTo(200);
        assertThat(wrote.json().path("businessNumber").asText()).isEqualTo(B);
        assertThat(awaitInbound(customer, 1).path("recipient").path("id").asText()).isEqualTo(B);
        String fromB = accepted(sendText(customer, B, "from B"));
        assertThat(conversationJson(customer).path("messages").get(1).path("businessNumber").asText()).isEqualTo(B);

        Api.Response unknown = Api.send("POST", url, null, "{\"text\":\"Hi\",\"to\":\"+19995550100\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).contains("+19995550100").contains(A).contains(B);
        assertThatThrownBy(() -> sim.customer(customer).to("+19995550100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[" + A + ", " + B + "]");

        // a reaction naming another number than the one that sent the message is refused, and says which one
        Api.Response wrongNumber = Api.send("POST", url, null, "{\"replyToId\":\"" + fromB + "\",\"reaction\":\"👍\",\"to\":\"" + A + "\"}");
        assertThat(wrongNumber.status()).isEqualTo(400);
        assertThat(wrongNumber.json().path("message").asText()).contains("sent from " + B);
        assertThat(inboundFrom(customer)).hasSize(1);
    }

    @Test
    void autoRepliesAnswerTheNumberThatWrote() {
        String customer = "+16045550506";
        sim.autoReply(Duration.ofMillis(20));
        sim.customer(customer).to(B).sendsText("Hi B");
        accepted(sendText(customer, B, "How can we help?"));
        JsonNode answer = awaitInbound(customer, 2);
        assertThat(answer.path("message").path("text").asText()).isEqualTo("Thanks, got it!");
        assertThat(answer.path("recipient").path("id").asText()).isEqualTo(B);
        assertThat(sim.conversation(customer).get(2).automatic()).isTrue();
        assertThat(sim.conversation(customer).get(2).businessNumber()).isEqualTo(B);
    }
}
