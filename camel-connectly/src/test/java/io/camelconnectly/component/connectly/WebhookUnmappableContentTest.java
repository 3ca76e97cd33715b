package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed body that is JSON but holds values the parser cannot map is a 400 malformed, counted and logged like the
 * other refusals: a 500 would make Connectly redeliver a post that can never succeed.
 */
class WebhookUnmappableContentTest extends WebhookHttpTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return webhookTo("mock:events");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"timestamp\":\"-99999999999999999\",\"sender\":{\"id\":\"+16045550123\"},\"message\":{\"text\":\"hi\"}}",
            "{\"timestamp\":99999999999999999999999,\"sender\":{\"id\":\"+16045550123\"},\"message\":{\"text\":\"hi\"}}",
            "{\"topic\":\"delivery_status\",\"statusUpdate\":{\"id\":\"m1\",\"status\":\"delivered\","
            + "\"error\":{\"details\":\"not an object\"}}}" })
    void unmappableContentIsA400MalformedNotA500(String body) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        ConnectlyEndpoint endpoint = (ConnectlyEndpoint) context.getRoutes().get(0).getEndpoint();

        HttpResponse<String> response;
        try (StandardErrorCapture log = StandardErrorCapture.start()) {
            response = post("/connectly/webhook", utf8(body), sign(utf8(body)));
            assertThat(log.text()).contains("Connectly webhook rejected with 400 (malformed)").doesNotContain("+16045550123");
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"malformed\"}");
        assertThat(endpoint.getWebhooksRejectedMalformed()).isEqualTo(1);
        assertThat(endpoint.getWebhooksRouteFailures()).isZero();
        events.assertIsSatisfied();
    }
}
