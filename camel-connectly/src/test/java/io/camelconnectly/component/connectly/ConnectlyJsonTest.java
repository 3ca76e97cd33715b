package io.camelconnectly.component.connectly;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelconnectly.component.connectly.model.Party;
import io.camelconnectly.component.connectly.model.SendMessageRequest;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.model.SessionMessage;
import io.camelconnectly.component.connectly.model.TemplateParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ConnectlyJson#writeBytes} keeps one generator per thread between calls: every body it writes, one after the
 * other on the same thread, must be exactly what a fresh {@code writeValueAsBytes} writes, including after a value that
 * failed half-way and for a serializer that writes JSON from within.
 */
class ConnectlyJsonTest {

    @Test
    void bodiesWrittenOneAfterTheOtherAreEachExactlyTheMappersJson() throws Exception {
        Map<String, Object> callbackData = new LinkedHashMap<>();
        callbackData.put("orderId", "A-1001");
        callbackData.put("lines", List.of(1, 2, 3));
        List<Object> values = List.of(
                new SendMessageRequest().withRecipient(Party.whatsapp("+16045550123"))
                        .withMessage(SessionMessage.text("Hi Ana, \"quoted\" and ünïcödé \u2713")),
                new SendTemplatedMessageRequest().withNumber("+16045550123").withTemplateName("order_shipped")
                        .withLanguage("en").withParameters(List.of(new TemplateParameter("body_1", "Ana")))
                        .withCallbackData(callbackData),
                callbackData, "plain text", 42, List.of(),
                // larger than the buffer a thread keeps: its writer is let go, the next one starts afresh
                Map.of("text", "x".repeat(20_000)),
                new SendMessageRequest().withRecipient(Party.whatsapp("+4915112345678")).withMessage(SessionMessage.text("ok")));

        for (Object value : values) {
            assertThat(text(ConnectlyJson.writeBytes(value))).isEqualTo(ConnectlyJson.mapper().writeValueAsString(value));
        }
    }

    @Test
    void aValueThatFailsHalfWayLeavesNothingBehindForTheNext() throws Exception {
        SendMessageRequest next = new SendMessageRequest().withRecipient(Party.whatsapp("+16045550123"))
                .withMessage(SessionMessage.text("after the failure"));
        ConnectlyJson.writeBytes(next);

        Map<String, Object> halfWritten = new LinkedHashMap<>();
        halfWritten.put("first", "written");
        halfWritten.put("broken", new FailsHalfWay());
        assertThatThrownBy(() -> ConnectlyJson.writeBytes(halfWritten))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("no value today");

        assertThat(text(ConnectlyJson.writeBytes(next))).isEqualTo(ConnectlyJson.mapper().writeValueAsString(next));
    }

    @Test
    void aSerializerWritingJsonFromWithinGetsItsOwnGenerator() throws Exception {
        Map<String, Object> outer = Map.of("inner", new WritesJsonItself());

        assertThat(text(ConnectlyJson.writeBytes(outer))).isEqualTo("{\"inner\":\"{\\\"nested\\\":true}\"}");
        assertThat(text(ConnectlyJson.writeBytes(List.of(1)))).isEqualTo("[1]");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static final class FailsHalfWay {
        public String getValue() {
            throw new IllegalStateException("no value today");
        }
    }

    public static final class WritesJsonItself {
        @JsonValue
        public String json() throws JsonProcessingException {
            return text(ConnectlyJson.writeBytes(Map.of("nested", true)));
        }
    }
}
