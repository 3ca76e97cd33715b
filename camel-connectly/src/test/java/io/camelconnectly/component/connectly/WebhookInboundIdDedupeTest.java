package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;

import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.component.connectly.webhook.WebhookDedupeKeys;
import io.camelconnectly.component.connectly.webhook.WebhookEventParser;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inbound message that carries an id (an inferred shape: {@code message.id}, else a top-level {@code id}) is
 * deduplicated by that id: two taps on the same button are two events, a redelivery of one event is one, even when its
 * bytes changed. Without an id the body's hash is the only identity (two identical bodies are one event).
 */
class WebhookInboundIdDedupeTest extends WebhookHttpTestSupport {

    private static final String TAP = "{\"timestamp\":\"1764633600\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},"
                                      + "\"recipient\":{\"id\":\"+16044441234\",\"channelType\":\"whatsapp\"},"
                                      + "\"message\":{\"id\":\"%s\"},\"buttonResponse\":{\"text\":\"Yes\",\"payload\":\"confirm\"}}";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return webhookTo("mock:events");
    }

    @Test
    void theKeyIsTheInboundIdWhenTheEventCarriesOne() throws Exception {
        WebhookEventParser parser = new WebhookEventParser();
        byte[] inMessage = utf8(TAP.formatted("wamid.A1"));
        byte[] topLevel = utf8("{\"id\":\"wamid.B2\",\"sender\":{\"id\":\"+16045550123\"},\"message\":{\"text\":\"hi\"}}");

        InboundMessageEvent first = (InboundMessageEvent) parser.parse(inMessage);
        assertThat(first.getId()).isEqualTo("wamid.A1");
        assertThat(WebhookDedupeKeys.keyOf(first, inMessage)).isEqualTo("inbound:wamid.A1");
        assertThat(WebhookDedupeKeys.keyOf(parser.parse(topLevel), topLevel)).isEqualTo("inbound:wamid.B2");
    }

    @Test
    void twoTapsWithTheirOwnIdsAreTwoEventsAndARedeliveryWithChangedBytesIsOne() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);

        byte[] tap1 = utf8(TAP.formatted("wamid.TAP1"));
        byte[] tap2 = utf8(TAP.formatted("wamid.TAP2"));
        // the same event as tap1, serialised again (fields in another order)
        byte[] tap1Again = utf8("{\"message\":{\"id\":\"wamid.TAP1\"},\"buttonResponse\":{\"payload\":\"confirm\",\"text\":\"Yes\"},"
                                + "\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},\"timestamp\":\"1764633600\"}");

        assertThat(post("/connectly/webhook", tap1, sign(tap1)).body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(post("/connectly/webhook", tap2, sign(tap2)).body()).isEqualTo("{\"status\":\"processed\"}");
        HttpResponse<String> redelivery = post("/connectly/webhook", tap1Again, sign(tap1Again));

        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(redelivery.body()).isEqualTo("{\"status\":\"duplicate\"}");
        events.assertIsSatisfied();
    }
}
