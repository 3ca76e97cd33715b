package io.camelconnectly.component.connectly;

import java.util.List;
import java.util.Map;

import io.camelconnectly.component.connectly.RecordingHttpServer.Recorded;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.Attachment;
import io.camelconnectly.component.connectly.model.InteractiveButton;
import io.camelconnectly.component.connectly.model.InteractiveFooter;
import io.camelconnectly.component.connectly.model.ListMessage;
import io.camelconnectly.component.connectly.model.ListRow;
import io.camelconnectly.component.connectly.model.ListSection;
import io.camelconnectly.component.connectly.model.Location;
import io.camelconnectly.component.connectly.model.ReplyButtonMessage;
import io.camelconnectly.component.connectly.model.SendMessageRequest;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import io.camelconnectly.component.connectly.model.SessionMessage;
import io.camelconnectly.component.connectly.webhook.WebhookEventParser;
import io.camelconnectly.component.connectly.webhook.WebhookFixtures;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

class SendMessageProducerTest extends ConnectlyTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the + as users write it: the URI decodes it to a space
                from("direct:notify").to("connectly:sendMessage?recipient=+16045550123&sender=+14155550100");
            }
        };
    }

    @Test
    void textBodyFromJavaDslRouteSendsTheSessionMessage() throws Exception {
        server.on("/send/messages", reply(200, fixture("send-message-response.json")));

        Exchange exchange = send("direct:notify", "Hi Ana, your parcel A-1001 left our warehouse today.",
                ConnectlyConstants.CALLBACK_DATA, Map.of("orderId", "A-1001"));

        assertThat(exchange.getException()).isNull();
        Recorded request = server.last();
        assertThat(request.method).isEqualTo("POST");
        assertThat(request.path).isEqualTo(BUSINESS_PATH + "/send/messages");
        assertThat(request.header("X-API-Key")).isEqualTo(API_KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.json()).isEqualTo(json(fixture("send-message-request.json")));
        assertThat(exchange.getMessage().getBody()).isInstanceOf(SendMessageResponse.class);
        assertThat(exchange.getMessage().getBody(SendMessageResponse.class).getId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
    }

    @Test
    void typedRequestAndJsonStringAreSentAsGiven() throws Exception {
        SendMessageRequest typed = ConnectlyJson.mapper().readValue(fixture("send-message-request.json"), SendMessageRequest.class);
        Exchange first = send("connectly:sendMessage", typed);
        Exchange second = send("connectly:sendMessage", fixture("send-message-request.json"));

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).json()).isEqualTo(json(fixture("send-message-request.json")));
        assertThat(server.requests().get(1).json()).isEqualTo(json(fixture("send-message-request.json")));
    }

    @Test
    void headerWinsOverOptionAndBodyValuesWinOverBoth() throws Exception {
        send("direct:notify", "hello", ConnectlyConstants.RECIPIENT, "+1 (604) 555-0177", ConnectlyConstants.SENDER,
                "+1 415 555 0199");
        assertThat(server.last().json().at("/recipient/id").asText()).isEqualTo("+16045550177");
        assertThat(server.last().json().at("/sender/id").asText()).isEqualTo("+14155550199");

        send("direct:notify", "{\"recipient\":{\"id\":\"+447700900123\"},\"message\":{\"text\":\"hi\"}}",
                ConnectlyConstants.RECIPIENT, "+16045550177");
        assertThat(server.last().json().at("/recipient/id").asText()).isEqualTo("+447700900123");
        assertThat(server.last().json().at("/recipient/channelType").asText()).isEqualTo("whatsapp");
        assertThat(server.last().json().at("/sender/id").asText()).isEqualTo("+14155550100");
    }

    @Test
    void mediaInteractiveAndLocationMessages() throws Exception {
        String uri = "connectly:sendMessage?recipient=%2B16045550123";
        SessionMessage media = new SessionMessage().withAttachments(List.of(
                new Attachment("document", "https://example.com/invoice.pdf").withFilename("invoice.pdf").withCaption("Invoice")));
        send(uri, media);
        assertThat(server.last().json().get("message")).isEqualTo(json(
                "{\"attachments\":[{\"type\":\"document\",\"url\":\"https://example.com/invoice.pdf\",\"caption\":\"Invoice\","
                                                                       + "\"filename\":\"invoice.pdf\"}]}"));

        SessionMessage buttons = new SessionMessage().withReplyButtonMessage(new ReplyButtonMessage()
                .withFooter(new InteractiveFooter("Reply below"))
                .withButtons(List.of(new InteractiveButton("yes", "Yes"), new InteractiveButton("no", "No"))));
        send(uri, buttons);
        assertThat(server.last().json().get("message")).isEqualTo(json(
                "{\"replyButtonMessage\":{\"footer\":{\"text\":\"Reply below\"},"
                                                                        + "\"buttons\":[{\"id\":\"yes\",\"text\":\"Yes\"},{\"id\":\"no\",\"text\":\"No\"}]}}"));

        SessionMessage list = new SessionMessage().withListMessage(new ListMessage()
                .withButton(new InteractiveButton("open", "Choose"))
                .withSections(List.of(new ListSection().withTitle("Sizes")
                        .withRows(List.of(new ListRow("s", "Small", "EU 38-40"), new ListRow("m", "Medium", null))))));
        send(uri, list);
        assertThat(server.last().json().get("message")).isEqualTo(json(
                "{\"listMessage\":{\"button\":{\"id\":\"open\",\"text\":\"Choose\"},\"sections\":[{\"title\":\"Sizes\",\"rows\":["
                                                                     + "{\"id\":\"s\",\"text\":\"Small\",\"description\":\"EU 38-40\"},{\"id\":\"m\",\"text\":\"Medium\"}]}]}}"));

        send(uri, Map.of("location", Map.of("latitude", 49.28, "longitude", -123.12, "name", "Shop", "address", "1 Main St")));
        Location sent = ConnectlyJson.mapper().treeToValue(server.last().json().at("/message/location"), Location.class);
        assertThat(sent.getLatitude()).isEqualTo(49.28);
        assertThat(sent.getAddress()).isEqualTo("1 Main St");
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void invalidMessagesAreRejectedBeforeAnyRequest() throws Exception {
        // (a bad recipient option fails when the producer starts: PhoneNumbersTest)
        assertRejected(send("direct:notify", "hi", ConnectlyConstants.RECIPIENT, "0123"), "recipient", "0123", "E.164");
        assertRejected(send("direct:notify", "hi", ConnectlyConstants.RECIPIENT, "+1604555"), "recipient", "+1604555",
                "not a possible phone number");
        assertRejected(send("connectly:sendMessage", "hi"), "recipient", null, "required");
        assertRejected(send("direct:notify", "  "), "message.text", null, "must not be empty");
        assertRejected(send("direct:notify", null), "body", null, "String");
        assertRejected(send("direct:notify", "hi", ConnectlyConstants.SENDER, "+1-800-CALL-NOW"), "sender", "CALL", "E.164");
        assertRejected(send("direct:notify", new SessionMessage().withAttachments(List.of(
                new Attachment("image", "https://example.com/a.png"), new Attachment("image", "https://example.com/b.png")))),
                "message.attachments", "2 attachments", "exactly one");
        assertRejected(send("direct:notify", new SessionMessage().withAttachments(List.of(
                new Attachment("sticker", "https://example.com/a.webp")))), "message.attachments[0].type", "sticker",
                "image, video, audio, document");
        assertRejected(send("direct:notify", new SessionMessage().withAttachments(List.of(
                new Attachment("image", "ftp://example.com/a.png")))), "message.attachments[0].url", "ftp://", "http(s)");
        assertRejected(send("direct:notify", "hi", ConnectlyConstants.CALLBACK_DATA, Map.of("blob", "x".repeat(1100))),
                "CamelConnectlyCallbackData", "bytes", "1024");
        assertRejected(send("direct:notify", "{\"message\": {\"text\": ", ConnectlyConstants.RECIPIENT, "+16045550123"),
                "body", null, "not valid JSON");
        // from("connectly:webhook").to("connectly:sendMessage") with no reply text: the event is not sent as text
        assertRejected(send("direct:notify", new WebhookEventParser().parse(WebhookFixtures.bytes("webhook-inbound-text.json"))),
                "body", "InboundMessageEvent", "set the reply text");
        assertThat(server.requests()).isEmpty();
    }

    static void assertRejected(Exchange exchange, String field, String valuePart, String allowedPart) {
        assertThat(exchange.getException()).isInstanceOf(ConnectlyValidationException.class);
        ConnectlyValidationException error = (ConnectlyValidationException) exchange.getException();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getMessage()).startsWith(field).contains(allowedPart);
        if (valuePart != null) {
            assertThat(error.getMessage()).contains(valuePart);
        }
    }
}
