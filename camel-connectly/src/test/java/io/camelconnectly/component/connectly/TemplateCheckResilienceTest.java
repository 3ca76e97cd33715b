package io.camelconnectly.component.connectly;

import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyAuthenticationException;
import io.camelconnectly.component.connectly.client.ConnectlyRateLimitedException;
import io.camelconnectly.component.connectly.client.ConnectlyTemplateException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template check before a templated send: it names where refused parameters came from, keeps the sends going on the
 * last known templates while getTemplates fails, never multiplies getTemplates calls during a rate limit, and says
 * that a rejected key was met while checking the template.
 */
class TemplateCheckResilienceTest extends ConnectlyTestSupport {

    private static final String TEMPLATES = "{\"entity\":{\"templateGroups\":[{\"id\":\"welcome\",\"name\":\"welcome\","
                                            + "\"templates\":[{\"id\":\"3\",\"language\":{\"code\":\"en\"},"
                                            + "\"status\":\"MESSAGE_TEMPLATE_STATUS_APPROVED\",\"templateComponents\":["
                                            + "{\"body\":{\"text\":{\"text\":\"Glad you are here.\"}}}]}]}]}}";
    private static final String WELCOME = "connectly:sendTemplatedMessage?templateName=welcome&language=en&recipient=%2B16045550123";

    @Test
    void aLeftoverParametersHeaderIsNamedAsTheSource() {
        server.on("/get/templates", reply(200, TEMPLATES));

        Exchange exchange = send(WELCOME, null, ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("body_1", "Ana"));

        assertThat(exchange.getException()).isInstanceOf(ConnectlyTemplateException.class)
                .hasMessageContaining("Template 'welcome' (en) has no variable body_1 (parameters from header "
                                      + "CamelConnectlyTemplateParameters)")
                .hasMessageContaining("removeHeader(\"CamelConnectlyTemplateParameters\")");
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).isEmpty();
    }

    @Test
    void aRejectedKeyDuringTheCheckSaysSo() {
        server.on("/get/templates", reply(401, "{\"message\":\"invalid api key\",\"cntTraceId\":\"401\"}"));

        Exchange exchange = send(WELCOME, null);

        assertThat(exchange.getException()).isInstanceOf(ConnectlyAuthenticationException.class)
                .hasMessageContaining("while checking template 'welcome' (en) before sending it")
                .hasMessageContaining("validateTemplateParameters=false").hasMessageContaining("cntTraceId=401")
                .hasMessageNotContaining(API_KEY);
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).isEmpty();
    }

    @Test
    void theLastKnownTemplatesServeTheChecksWhileGetTemplatesFails() {
        String uri = WELCOME + "&templateCacheTtl=1";
        server.on("/get/templates", reply(200, TEMPLATES), reply(500, "{\"message\":\"internal\",\"cntTraceId\":\"9\"}"));
        assertThat(send(uri, null).getException()).isNull();
        ConnectlyEndpoint endpoint = context.getEndpoint(uri, ConnectlyEndpoint.class);

        try (StandardErrorCapture log = StandardErrorCapture.start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(send(uri, null).getException()).as("send " + i).isNull();
            }
            assertThat(log.text().lines().filter(line -> line.contains("WARN") && line.contains("getTemplates failed")))
                    .as("one WARN for the outage").hasSize(1);
        }

        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).hasSize(6);
        // the first fetch, then one failed refresh; the backoff keeps the other sends from calling again
        assertThat(server.requestsTo("/get/templates")).hasSize(2);
        assertThat(endpoint.getTemplateRefreshFailures()).isEqualTo(1);
        assertThat(endpoint.getTemplateChecksStale()).isEqualTo(5);
    }

    @Test
    void aRateLimitedCheckIsNotMultipliedBySends() {
        String uri = WELCOME + "&retryMaxElapsed=200";
        server.on("/get/templates", reply(429, "{\"message\":\"slow down\"}").header("Retry-After", "30"));

        for (int i = 0; i < 5; i++) {
            assertThat(send(uri, null).getException()).as("send " + i).isInstanceOf(ConnectlyRateLimitedException.class);
        }

        assertThat(server.requestsTo("/get/templates")).hasSize(1);
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).isEmpty();
    }
}
