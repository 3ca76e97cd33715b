package io.camelconnectly.component.connectly;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.camelconnectly.component.connectly.client.ConnectlyAuthenticationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

class SecretsMaskedTest extends ConnectlyTestSupport {

    private static final String URI_KEY = "ck_uri_SECRET_0a1b2c3d";
    private static final String PROXY_PASSWORD = "proxy_SECRET_pw";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send")
                        .to("connectly:sendMessage?apiKey=RAW(" + URI_KEY + ")&recipient=%2B16045550123");
            }
        };
    }

    @Test
    void keyNeverShownInUrisMessagesOrLogs() throws Exception {
        server.on("/send/messages", reply(401, "{\"message\":\"invalid api key\",\"cntTraceId\":\"5\"}"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        Exchange exchange;
        try {
            PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setErr(tee);
            System.setOut(tee);
            exchange = template.send("direct:send", e -> e.getMessage().setBody("hello"));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        // the key was sent where it belongs, and only there
        assertThat(server.last().header("X-API-Key")).isEqualTo(URI_KEY);
        assertThat(exchange.getException()).isInstanceOf(ConnectlyAuthenticationException.class);
        assertThat(exchange.getException().getMessage()).doesNotContain(URI_KEY).contains(BUSINESS_ID);
        assertThat(log).as("the failure was logged").contains("ConnectlyAuthenticationException");
        assertThat(log).doesNotContain(URI_KEY).doesNotContain(API_KEY);

        ConnectlyEndpoint endpoint = context.getEndpoints().stream().filter(ConnectlyEndpoint.class::isInstance).map(ConnectlyEndpoint.class::cast)
                        .findFirst().orElseThrow();
        assertThat(endpoint.toString()).doesNotContain(URI_KEY);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain(URI_KEY);
        assertThat(endpoint.getClient().toString()).doesNotContain(URI_KEY);
        assertThat(endpoint.getProducerFailuresByCode()).doesNotContain(URI_KEY);
        assertThat(org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(URI_KEY);
    }

    @Test
    void keyFromTheComponentIsNotInTheEndpointUri() {
        ConnectlyEndpoint endpoint = context.getEndpoint("connectly:getTemplates", ConnectlyEndpoint.class);
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(API_KEY);
        assertThat(endpoint.getEndpointUri()).doesNotContain(API_KEY);
        assertThat(endpoint.toString()).doesNotContain(API_KEY);
    }

    @Test
    void proxyPasswordIsMaskedToo() {
        ConnectlyEndpoint endpoint = context.getEndpoint("connectly:getTemplates?proxyHost=127.0.0.1&proxyPort=3128"
                                                         + "&proxyUsername=u&proxyPassword=RAW(" + PROXY_PASSWORD + ")",
                ConnectlyEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain(PROXY_PASSWORD);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain(PROXY_PASSWORD);
    }
}
