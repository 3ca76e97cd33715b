package io.camelconnectly.component.connectly;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelconnectly.component.connectly.RecordingHttpServer.Recorded;
import io.camelconnectly.component.connectly.client.ConnectlyApiException;
import io.camelconnectly.component.connectly.client.ConnectlyAuthenticationException;
import io.camelconnectly.component.connectly.client.ConnectlyCampaignNotPublishedException;
import io.camelconnectly.component.connectly.client.ConnectlyConnectionException;
import io.camelconnectly.component.connectly.client.ConnectlyException;
import io.camelconnectly.component.connectly.client.ConnectlyOutsideWindowException;
import io.camelconnectly.component.connectly.client.ConnectlyRateLimitedException;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ErrorsAndRetriesTest extends ConnectlyTestSupport {

    private static final String SEND = "connectly:sendMessage?recipient=%2B16045550123";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // what a user writes: the closed window falls back to a template
                onException(ConnectlyOutsideWindowException.class).handled(true).to("mock:useTemplate");
                from("direct:reply").to(SEND).to("mock:sent");
            }
        };
    }

    @Test
    void outsideWindowIsItsOwnExceptionWithWhatToDo() throws Exception {
        server.on("/send/messages", reply(400, fixture("error-outside-window.json")));
        Exchange exchange = send(SEND, "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyOutsideWindowException.class);
        ConnectlyOutsideWindowException error = (ConnectlyOutsideWindowException) exchange.getException();
        assertThat(error.getHttpStatus()).isEqualTo(400);
        assertThat(error.getErrorCode()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
        assertThat(error.getErrorType()).isEqualTo("ERROR_TYPE_DEADLINE_EXCEEDED");
        assertThat(error.getCntTraceId()).isEqualTo("4471029384756102938");
        assertThat(error.getUserMessage()).contains("trace id");
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getOperation()).isEqualTo("sendMessage");
        assertThat(error.getMessage()).contains("send a template message instead", "set sender", "cntTraceId=4471029384756102938");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void onExceptionMatchesTheSubclass() throws Exception {
        server.on("/send/messages", reply(400, fixture("error-outside-window.json")));
        MockEndpoint useTemplate = getMockEndpoint("mock:useTemplate");
        useTemplate.expectedMessageCount(1);
        getMockEndpoint("mock:sent").expectedMessageCount(0);

        template.sendBody("direct:reply", "hello");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(useTemplate.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(ConnectlyOutsideWindowException.class);
    }

    @Test
    void campaignConflictSaysPublishInFlowBuilder() {
        server.on("/send/campaigns", reply(409, "{\"message\":\"campaign not sendable\",\"cntTraceId\":\"77\"}"));
        Exchange exchange = send("connectly:sendCampaign?campaignName=spring_sale&recipient=%2B16045550123", null);

        assertThat(exchange.getException()).isInstanceOf(ConnectlyCampaignNotPublishedException.class);
        assertThat(exchange.getException().getMessage()).contains("publish the campaign in Flow Builder, then retry",
                "cntTraceId=77");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void rejectedKeyNamesTheBusinessNotTheKey() {
        server.on("/send/messages", reply(401, "{\"message\":\"invalid api key\",\"cntTraceId\":\"12\"}"));
        Exchange unauthorized = send(SEND, "hello");
        server.on("/get/templates", reply(403, "{\"message\":\"forbidden\"}"));
        Exchange forbidden = send("connectly:getTemplates", null);

        for (Exchange exchange : List.of(unauthorized, forbidden)) {
            assertThat(exchange.getException()).isInstanceOf(ConnectlyAuthenticationException.class);
            assertThat(exchange.getException().getMessage()).contains("check that apiKey", BUSINESS_ID)
                    .doesNotContain(API_KEY);
        }
        assertThat(((ConnectlyApiException) unauthorized.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void retriesA429AfterRetryAfterThenSucceeds() {
        server.on("/send/messages",
                reply(429, "{\"message\":\"slow down\"}").header("Retry-After", "1"),
                reply(200, "{\"id\":\"after-retry\"}"));
        ConnectlyEndpoint endpoint = context.getEndpoint(SEND, ConnectlyEndpoint.class);

        Exchange exchange = send(SEND, "hello");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SendMessageResponse.class).getId()).isEqualTo("after-retry");
        List<Recorded> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).bodyText()).isEqualTo(requests.get(0).bodyText());
        // Retry-After: 1 is honoured although retryMaxDelay is 50 ms
        assertThat(Duration.ofNanos(requests.get(1).receivedNanos - requests.get(0).receivedNanos)).isGreaterThanOrEqualTo(
                Duration.ofMillis(950));
        assertThat(endpoint.getProducerRetries()).isEqualTo(1);
        assertThat(endpoint.getProducerRateLimited()).isEqualTo(1);
        assertThat(endpoint.getProducerSucceeded()).isEqualTo(1);
    }

    @Test
    void stoppingTheEndpointEndsACallWaitingToRetryInsteadOfLeavingItHanging() throws Exception {
        server.on("/send/messages", reply(429, "{}").header("Retry-After", "20"));
        String uri = SEND + "&retryMaxElapsed=60000";
        ConnectlyEndpoint endpoint = context.getEndpoint(uri, ConnectlyEndpoint.class);

        CompletableFuture<Exchange> pending = template.asyncSend(uri, exchange -> exchange.getMessage().setBody("hello"));
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getProducerRetries() == 1);
        endpoint.stop();

        // bounded only so that a regression fails instead of hanging the build
        Exchange exchange = pending.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(ConnectlyException.class)
                .hasMessageContaining("abandoned after 1 attempt(s): the endpoint stopped while the call waited to retry");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsWithRateLimitedException() {
        server.on("/send/messages", reply(429, "{\"message\":\"slow down\",\"cntTraceId\":\"99\"}"));
        String uri = SEND + "&retryMaxAttempts=3";
        ConnectlyEndpoint endpoint = context.getEndpoint(uri, ConnectlyEndpoint.class);

        Exchange exchange = send(uri, "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyRateLimitedException.class);
        ConnectlyRateLimitedException error = (ConnectlyRateLimitedException) exchange.getException();
        assertThat(error.getAttempts()).isEqualTo(3);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("lower the send rate", "after 3 attempts", "cntTraceId=99");
        assertThat(server.requests()).hasSize(3);
        assertThat(endpoint.getProducerRateLimited()).isEqualTo(3);
        assertThat(endpoint.getProducerRetries()).isEqualTo(2);
        assertThat(endpoint.getProducerFailed()).isEqualTo(1);
        assertThat(endpoint.getProducerFailuresByCode()).contains("HTTP_429=1");
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheElapsedBound() {
        server.on("/send/messages", reply(429, "{}").header("Retry-After", "120"));
        Exchange exchange = send(SEND + "&retryMaxElapsed=2000", "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyRateLimitedException.class);
        assertThat(((ConnectlyRateLimitedException) exchange.getException()).getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retries503ButNotAmbiguous502OnSends() {
        // Connectly's own 503 says when to come back (a bare 503 is ambiguous: ServiceUnavailableTest)
        server.on("/send/messages", reply(503, "unavailable").header("Retry-After", "0"), reply(200, "{\"id\":\"ok\"}"));
        assertThat(send(SEND, "hello").getException()).isNull();
        assertThat(server.requests()).hasSize(2);

        server.reset();
        server.on("/send/messages", reply(502, "<html>bad gateway</html>"), reply(200, "{\"id\":\"ok\"}"));
        Exchange exchange = send(SEND, "hello");
        assertThat(exchange.getException()).isInstanceOf(ConnectlyApiException.class);
        ConnectlyApiException error = (ConnectlyApiException) exchange.getException();
        assertThat(error.getHttpStatus()).isEqualTo(502);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getErrorMessage()).contains("bad gateway");
        assertThat(server.requests()).hasSize(1);

        server.reset();
        server.on("/send/messages", reply(502, "{}"), reply(200, "{\"id\":\"ok\"}"));
        assertThat(send(SEND + "&retryAmbiguousFailures=true", "hello").getException()).isNull();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void retriesAmbiguousFailuresOfReads() {
        server.on("/get/templates", reply(504, "{}"), reply(502, "{}"), reply(200, "{\"entity\":{\"templateGroups\":[]}}"));
        Exchange exchange = send("connectly:getTemplates", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isInstanceOf(GetTemplatesResponse.class);
        assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertThat(r.method).isEqualTo("POST"));
    }

    @Test
    void responseTimeoutOfASendIsNotRetriedAndSaysItMayHaveBeenProcessed() {
        server.on("/send/messages", reply(200, "{\"id\":\"late\"}").delay(1500));
        Exchange exchange = send(SEND + "&responseTimeout=300", "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyConnectionException.class);
        ConnectlyConnectionException error = (ConnectlyConnectionException) exchange.getException();
        assertThat(error.isRequestMayHaveBeenProcessed()).isTrue();
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("may have processed");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String uri = SEND + "&retryMaxAttempts=3&baseUrl=http://127.0.0.1:" + closedPort;
        ConnectlyEndpoint endpoint = context.getEndpoint(uri, ConnectlyEndpoint.class);

        Exchange exchange = send(uri, "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyConnectionException.class);
        ConnectlyConnectionException error = (ConnectlyConnectionException) exchange.getException();
        assertThat(error.getAttempts()).isEqualTo(3);
        assertThat(error.isRequestMayHaveBeenProcessed()).isFalse();
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("127.0.0.1:" + closedPort).doesNotContain(API_KEY);
        assertThat(endpoint.getProducerRetries()).isEqualTo(2);
    }
}
