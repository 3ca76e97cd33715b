package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 24-hour customer-service window, with the movable clock. */
class SessionWindowTest {

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(); // one simulator per test

    @Test
    void aCustomerWhoNeverWroteIsOutsideTheWindow() {
        Api.Response response = new Api(sim.get()).sendText("+16045550123", "hello");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
        assertThat(response.json().path("type").asText()).isEqualTo("ERROR_TYPE_DEADLINE_EXCEEDED");
    }

    @Test
    void aCustomerWritingOpensTheWindowFor24Hours() {
        Api api = new Api(sim.get());
        sim.customer("+16045550123").sendsText("hi, where is my order?");

        Api.Response inside = api.sendText("+16045550123", "on its way");
        assertThat(inside.status()).as(inside.toString()).isEqualTo(200);
        assertThat(inside.json().path("id").asText()).matches("[0-9A-Z]{26}");

        sim.clock().advance(Duration.ofHours(23));
        assertThat(api.sendText("+16045550123", "still inside").status()).isEqualTo(200);

        sim.clock().advance(Duration.ofHours(2));
        Api.Response outside = api.sendText("+16045550123", "too late");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");

        sim.customer("+16045550123").sendsText("hello again");
        assertThat(api.sendText("+16045550123", "welcome back").status()).isEqualTo(200);
    }

    @Test
    void aTemplateIsAcceptedOutsideTheWindow() {
        Api.Response response = new Api(sim.get()).post("send/whatsapp_templated_messages",
                "{\"number\":\"+16045550123\",\"templateName\":\"welcome\",\"language\":\"en\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("id").asText()).isNotBlank();
    }

    @Test
    void theClockCanBeMovedOverHttpToo() {
        Api api = new Api(sim.get());
        sim.customer("+16045550123").sendsText("hi");
        Api.Response moved = Api.send("POST", sim.baseUrl() + "/_sim/clock/advance", null, "{\"by\":\"25h\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("offset").asText()).isEqualTo("25h");
        assertThat(api.sendText("+16045550123", "late").code()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
    }

    @Test
    void sessionMessageContentIsChecked() {
        Api api = new Api(sim.get());
        sim.customer("+16045550123").sendsText("hi");
        String to = "{\"recipient\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},";
        assertThat(api.post("send/messages", to + "\"message\":{\"text\":\"\"}}").code()).isEqualTo("ERROR_CODE_MESSAGE_TEXT_EMPTY");
        assertThat(api.post("send/messages", to + "\"message\":{\"attachments\":[{\"type\":\"image\",\"url\":\"https://x/a.png\"},"
                + "{\"type\":\"image\",\"url\":\"https://x/b.png\"}]}}").code()).isEqualTo("ERROR_CODE_MESSAGE_ATTACHMENTS_NUMBER_INVALID");
        assertThat(api.post("send/messages", to + "\"message\":{\"attachments\":[{\"type\":\"image\",\"url\":\"\"}]}}").code())
                .isEqualTo("ERROR_CODE_MESSAGE_ATTACHMENT_EMPTY");
        assertThat(api.post("send/messages", to + "\"message\":{\"attachments\":[{\"type\":\"image\",\"url\":\"https://x/a.png\"}]}}")
                .status()).isEqualTo(200);
        assertThat(api.post("send/messages", "{\"recipient\":{\"id\":\"604-555\"},\"message\":{\"text\":\"x\"}}").code())
                .isEqualTo("ERROR_CODE_PHONE_NUMBER_BAD_FORMAT");
        assertThat(api.post("send/messages", to + "\"sender\":{\"id\":\"+19999999999\"},\"message\":{\"text\":\"x\"}}").code())
                .isEqualTo("ERROR_CODE_INVALID_SENDER_ID");
    }
}
