package io.camelconnectly.component.connectly;

import io.camelconnectly.component.connectly.client.ConnectlyApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 503 may come from a gateway after Connectly received the request: a send is retried after a 503 only when the
 * answer shows Connectly refused it (Retry-After, or Connectly's error body), or with retryAmbiguousFailures=true.
 * Reads are retried either way.
 */
class ServiceUnavailableTest extends ConnectlyTestSupport {

    private static final String SEND = "connectly:sendMessage?recipient=%2B16045550123";
    private static final String GATEWAY_PAGE = "<html><body>503 Service Temporarily Unavailable</body></html>";

    @Test
    void aBare503OnASendIsNotRetriedAndSaysItMayHaveBeenProcessed() {
        server.on("/send/messages", reply(503, GATEWAY_PAGE), reply(200, "{\"id\":\"ok\"}"));

        Exchange exchange = send(SEND, "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyApiException.class);
        ConnectlyApiException error = (ConnectlyApiException) exchange.getException();
        assertThat(error.getHttpStatus()).isEqualTo(503);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("may have processed", "retryAmbiguousFailures");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aBare503OnASendIsRetriedWithRetryAmbiguousFailures() {
        server.on("/send/messages", reply(503, GATEWAY_PAGE), reply(200, "{\"id\":\"ok\"}"));

        assertThat(send(SEND + "&retryAmbiguousFailures=true", "hello").getException()).isNull();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void a503WithRetryAfterOrAConnectlyErrorBodyIsRetried() {
        server.on("/send/messages", reply(503, "").header("Retry-After", "0"), reply(200, "{\"id\":\"ok\"}"));
        assertThat(send(SEND, "hello").getException()).isNull();
        assertThat(server.requests()).hasSize(2);

        server.reset();
        server.on("/send/messages",
                reply(503, "{\"message\":\"overloaded\",\"type\":\"ERROR_TYPE_UNAVAILABLE\",\"cntTraceId\":\"31\"}"),
                reply(200, "{\"id\":\"ok\"}"));
        assertThat(send(SEND, "hello").getException()).isNull();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void readsRetryABare503() {
        server.on("/get/templates", reply(503, GATEWAY_PAGE), reply(200, "{\"entity\":{\"templateGroups\":[]}}"));

        assertThat(send("connectly:getTemplates", null).getException()).isNull();
        assertThat(server.requests()).hasSize(2);
    }
}
