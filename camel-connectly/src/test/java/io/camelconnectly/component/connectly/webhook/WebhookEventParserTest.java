package io.camelconnectly.component.connectly.webhook;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventParserTest {

    static final String CUSTOMER = "{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\",\"name\":\"Ana Souza\"}";
    static final String BUSINESS = "{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\",\"name\":\"acme_store\"}";

    private final WebhookEventParser parser = new WebhookEventParser();

    /** An inbound body from the customer to the business with the given extra top-level members. */
    static String inbound(String members) {
        return "{\"timestamp\":\"1717430500\",\"sender\":" + CUSTOMER + ",\"recipient\":" + BUSINESS + "," + members + "}";
    }

    @Test
    void readsTheInboundTextFixture() throws Exception {
        byte[] raw = bytes("webhook-inbound-text.json");
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(raw);
        assertThat(event.getTopic()).isEqualTo("messages");
        assertThat(event.getType()).isEqualTo(InboundMessageType.TEXT);
        assertThat(event.getEventType()).isEqualTo("text");
        assertThat(event.getText()).isEqualTo("Where is my order?");
        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1717430400L));
        assertThat(event.getCustomerNumber()).isEqualTo("+16045550123");
        assertThat(event.getBusinessNumber()).isEqualTo("+14155550100");
        assertThat(event.getSender().getName()).isEqualTo("Ana Souza");
        assertThat(event.getReplyToId()).isNull();
        assertThat(event.getMessageId()).isNull();
        assertThat(event.getCallbackData()).isNull();
        assertThat(event.getCallbackDataValue()).isNull();
        assertThat(event.getAttachments()).isEmpty();
        assertThat(event.getRawJson()).isEqualTo(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(event.toString()).doesNotContain("+16045550123").doesNotContain("Where is my order");
    }

    @Test
    void readsTheButtonReplyFixture() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(bytes("webhook-inbound-button-reply.json"));
        assertThat(event.getType()).isEqualTo(InboundMessageType.BUTTON_REPLY);
        assertThat(event.getEventType()).isEqualTo("button_reply");
        assertThat(event.getButtonResponse()).isEqualTo(new InboundMessageEvent.ButtonResponse("Track parcel", "track"));
        assertThat(event.getReplyToId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(event.getMessageId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(event.getCallbackDataValue()).isEqualTo(Map.of("orderId", "A-1001"));
    }

    @Test
    void readsTheLegacyButtonReplyShape() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(
                utf8(inbound("\"message\":{\"text\":\"TEST 11\",\"isButtonResponse\":true}")));
        assertThat(event.getType()).isEqualTo(InboundMessageType.BUTTON_REPLY);
        assertThat(event.getButtonResponse()).isEqualTo(new InboundMessageEvent.ButtonResponse("TEST 11", null));
        assertThat(event.getText()).isEqualTo("TEST 11");
    }

    @Test
    void readsTheDeliveredFixture() throws Exception {
        DeliveryStatusEvent event = (DeliveryStatusEvent) parser.parse(bytes("webhook-delivery-delivered.json"));
        assertThat(event.getTopic()).isEqualTo("delivery_status");
        assertThat(event.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(event.getEventType()).isEqualTo("delivered");
        assertThat(event.getStatusUpdateId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(event.getMessageId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(event.getError()).isNull();
        assertThat(event.getCampaignName()).isEqualTo("shipping_notifications");
        assertThat(event.getCustomerNumber()).isEqualTo("+16045550123");
        assertThat(event.getBusinessNumber()).isEqualTo("+14155550100");
        assertThat(event.getCallbackDataValue()).isEqualTo(Map.of("orderId", "A-1001"));
        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1717430420L));
    }

    @Test
    void readsTheDeliveryFailedFixtureWithItsError() throws Exception {
        DeliveryStatusEvent event = (DeliveryStatusEvent) parser.parse(bytes("webhook-delivery-failed.json"));
        assertThat(event.getStatus()).isEqualTo(DeliveryStatus.DELIVERY_FAILED);
        assertThat(event.getEventType()).isEqualTo("delivery_failed");
        assertThat(event.getError().getCode()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
        assertThat(event.getError().getType()).isEqualTo("ERROR_TYPE_INVALID_REQUEST");
        assertThat(event.getError().getCntTraceId()).isEqualTo("9081726354453627180");
        assertThat(event.getRecipient().getName()).isNull();
        assertThat(event.getCustomerNumber()).isEqualTo("+16045550177");
    }

    @Test
    void readsSentAndReadAndKeepsUnknownStatusesLeniently() throws Exception {
        for (String status : new String[] { "sent", "read" }) {
            DeliveryStatusEvent event = (DeliveryStatusEvent) parser.parse(utf8(
                    "{\"topic\":\"delivery_status\",\"statusUpdate\":{\"id\":\"m1\",\"status\":\"" + status + "\"}}"));
            assertThat(event.getEventType()).isEqualTo(status);
        }
        DeliveryStatusEvent unknown = (DeliveryStatusEvent) parser.parse(utf8(
                "{\"topic\":\"delivery_status\",\"statusUpdate\":{\"id\":\"m1\",\"status\":\"deleted\",\"new\":1}}"));
        assertThat(unknown.getStatus()).isEqualTo(DeliveryStatus.UNKNOWN);
        assertThat(unknown.getEventType()).isEqualTo("unknown");
        assertThat(unknown.getRawStatus()).isEqualTo("deleted");
    }

    @Test
    void classifiesABodyWithoutTopicByItsStatusUpdate() throws Exception {
        ConnectlyWebhookEvent event = parser.parse(utf8(
                "{\"timestamp\":\"1717430420\",\"statusUpdate\":{\"id\":\"m2\",\"status\":\"read\"}}"));
        assertThat(event).isInstanceOf(DeliveryStatusEvent.class);
        assertThat(event.getTopic()).isEqualTo("delivery_status");
        assertThat(parser.parse(utf8(COMPACT_INBOUND_TEXT)).getTopic()).isEqualTo("messages");
    }

    @Test
    void readsMediaWithCaption() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(utf8(inbound(
                "\"message\":{\"attachments\":[{\"type\":\"video\",\"url\":\"https://cdn.example/v.mp4\",\"caption\":\"look\"}]},"
                                                                                     + "\"attachments\":[],\"location\":null")));
        assertThat(event.getType()).isEqualTo(InboundMessageType.MEDIA);
        assertThat(event.getEventType()).isEqualTo("media");
        assertThat(event.getAttachments()).containsExactly(
                new InboundMessageEvent.Attachment("video", "https://cdn.example/v.mp4", "look", null));
    }

    @Test
    void readsALocation() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(utf8(inbound(
                "\"message\":{\"location\":{\"latitude\":-23.55,\"longitude\":-46.63,\"name\":\"Home\",\"address\":\"Rua A, 1\"}}")));
        assertThat(event.getType()).isEqualTo(InboundMessageType.LOCATION);
        assertThat(event.getLocation()).isEqualTo(new InboundMessageEvent.Location(-23.55, -46.63, "Home", "Rua A, 1"));
    }

    @Test
    void readsTheInferredListReplyShape() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(utf8(inbound(
                "\"context\":{\"replyToId\":\"out-7\"},\"listResponse\":{\"id\":\"row-2\",\"title\":\"Tomorrow\",\"description\":\"9-12\"},"
                                                                                     + "\"callbackData\":\"plain\"")));
        assertThat(event.getType()).isEqualTo(InboundMessageType.LIST_REPLY);
        assertThat(event.getEventType()).isEqualTo("list_reply");
        assertThat(event.getListResponse()).isEqualTo(new InboundMessageEvent.ListResponse("row-2", "Tomorrow", "9-12"));
        assertThat(event.getReplyToId()).isEqualTo("out-7");
        assertThat(event.getCallbackDataValue()).isEqualTo("plain");
    }

    @Test
    void readsBothInferredReactionShapes() throws Exception {
        InboundMessageEvent nested = (InboundMessageEvent) parser.parse(utf8(inbound(
                "\"context\":{\"replyToId\":\"out-8\"},\"message\":{\"reaction\":{\"emoji\":\"\\ud83d\\udc4d\"}}")));
        assertThat(nested.getType()).isEqualTo(InboundMessageType.REACTION);
        assertThat(nested.getEventType()).isEqualTo("reaction");
        assertThat(nested.getReaction().emoji()).isEqualTo("\uD83D\uDC4D");
        assertThat(nested.getReplyToId()).isEqualTo("out-8");

        InboundMessageEvent topLevel = (InboundMessageEvent) parser.parse(utf8(inbound(
                "\"reaction\":{\"emoji\":\"❤\",\"messageId\":\"out-9\"}")));
        assertThat(topLevel.getType()).isEqualTo(InboundMessageType.REACTION);
        assertThat(topLevel.getReaction()).isEqualTo(new InboundMessageEvent.Reaction("❤", "out-9"));
    }

    @Test
    void readsAQuotedTextAndAReferral() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(utf8(inbound(
                "\"context\":{\"replyToId\":\"out-1\"},\"message\":{\"text\":\"this one\",\"referral\":{\"ctwaClid\":\"c1\","
                                                                                     + "\"sourceType\":\"ad\",\"headline\":\"Sale\"}},\"callbackData\":{\"orderId\":\"A-1\"}")));
        assertThat(event.getType()).isEqualTo(InboundMessageType.TEXT);
        assertThat(event.getReplyToId()).isEqualTo("out-1");
        assertThat(event.getReferral().ctwaClid()).isEqualTo("c1");
        assertThat(event.getReferral().headline()).isEqualTo("Sale");
        assertThat(event.getCallbackDataAs(Map.class)).containsEntry("orderId", "A-1");
    }

    @Test
    void toleratesNullsUnknownFieldsAndUnknownShapes() throws Exception {
        InboundMessageEvent event = (InboundMessageEvent) parser.parse(utf8(
                "{\"timestamp\":null,\"sender\":null,\"recipient\":{\"id\":\"+1\",\"extra\":true},\"message\":{\"sticker\":{}},"
                                                                             + "\"futureField\":[1,2]}"));
        assertThat(event.getType()).isEqualTo(InboundMessageType.UNKNOWN);
        assertThat(event.getEventType()).isEqualTo("unknown");
        assertThat(event.getTimestamp()).isNull();
        assertThat(event.getCustomerNumber()).isNull();
        assertThat(event.getBusinessNumber()).isEqualTo("+1");
    }

    @Test
    void rejectsBodiesThatAreNotAJsonObject() {
        for (String body : new String[] { "", "not json", "[1,2]", "\"text\"", "{\"timestamp\":", "null" }) {
            assertThatThrownBy(() -> parser.parse(utf8(body)))
                    .as(body).isInstanceOf(MalformedWebhookException.class);
        }
    }

    @Test
    void dedupeKeysStatusesByIdAndStatusAndMessagesByBodyDigest() throws Exception {
        byte[] delivered = bytes("webhook-delivery-delivered.json");
        assertThat(WebhookDedupeKeys.keyOf(parser.parse(delivered), delivered)).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA:delivered");
        byte[] text = bytes("webhook-inbound-text.json");
        assertThat(WebhookDedupeKeys.keyOf(parser.parse(text), text))
                .isEqualTo("19f427731e88a7bcd434e9b0de2190ae6ef37b1eed955402db279cbd157519fd");
    }
}
