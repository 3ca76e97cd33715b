package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelconnectly.component.connectly.RecordingHttpServer.Recorded;
import io.camelconnectly.component.connectly.client.ConnectlyApiException;
import io.camelconnectly.component.connectly.client.ConnectlyRateLimitedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls that wait, to retry or for Connectly's Retry-After, are bounded per account by retryMaxWaiting; a 429's
 * Retry-After holds off the operation's next calls of the account (not other operations), and a call that cannot wait
 * for it fails at once without being sent.
 */
class RetryWaitingTest extends ConnectlyTestSupport {

    private static final String SEND = "connectly:sendMessage?recipient=%2B16045550123";
    private static final String RATE_LIMITED = "{\"message\":\"slow down\",\"code\":\"ERROR_CODE_RATE_LIMIT_EXCEEDED\"}";

    private CompletableFuture<Exchange> sendAsync(String uri, String text) {
        return template.asyncSend(uri, exchange -> exchange.getMessage().setBody(text));
    }

    @Test
    void aRetryAfterHoldsOffTheOperationsNextCallsButNotOtherOperations() throws Exception {
        server.on("/send/messages", reply(429, RATE_LIMITED).header("Retry-After", "1"), reply(200, "{\"id\":\"ok\"}"));
        server.on("/get/templates", reply(200, "{\"entity\":{\"templateGroups\":[]}}"));
        String other = SEND + "&retryMaxAttempts=5";
        ConnectlyEndpoint otherEndpoint = context.getEndpoint(other, ConnectlyEndpoint.class);

        ConnectlyEndpoint firstEndpoint = context.getEndpoint(SEND, ConnectlyEndpoint.class);
        CompletableFuture<Exchange> first = sendAsync(SEND, "first");
        // refused, and waiting to retry
        await().atMost(Duration.ofSeconds(10)).until(() -> firstEndpoint.getProducerWaiting() == 1);
        // another endpoint of the account: its send waits for the Retry-After; a read goes at once
        CompletableFuture<Exchange> second = sendAsync(other, "second");
        assertThat(send("connectly:getTemplates", null).getException()).isNull();

        assertThat(first.get(10, TimeUnit.SECONDS).getException()).isNull();
        assertThat(second.get(10, TimeUnit.SECONDS).getException()).isNull();
        List<Recorded> sends = server.requestsTo("/send/messages");
        assertThat(sends).hasSize(3);
        assertThat(sends.get(0).bodyText()).contains("first");
        // never before the Retry-After had passed, and only once: it was not refused first
        for (Recorded later : sends.subList(1, 3)) {
            assertThat(Duration.ofNanos(later.receivedNanos - sends.get(0).receivedNanos)).isGreaterThanOrEqualTo(
                    Duration.ofMillis(950));
        }
        assertThat(server.requests().indexOf(server.requestsTo("/get/templates").get(0))).isEqualTo(1);
        assertThat(otherEndpoint.getProducerHeldOff()).isEqualTo(1);
        assertThat(otherEndpoint.getProducerRateLimited()).isZero();
    }

    @Test
    void aCallThatCannotWaitForTheHoldOffFailsAtOnceWithoutBeingSent() throws Exception {
        server.on("/send/messages", reply(429, RATE_LIMITED).header("Retry-After", "30"));
        String patient = SEND + "&retryMaxElapsed=60000";
        ConnectlyEndpoint patientEndpoint = context.getEndpoint(patient, ConnectlyEndpoint.class);
        CompletableFuture<Exchange> waiting = sendAsync(patient, "waits 30 s to retry");
        await().atMost(Duration.ofSeconds(10)).until(() -> patientEndpoint.getProducerWaiting() == 1);

        // 30 s do not fit in 2 s
        Exchange hasty = send(SEND + "&retryMaxElapsed=2000", "hasty");
        // it would fit, but the account's one allowed waiting call is there already
        Exchange crowded = send(SEND + "&retryMaxElapsed=60000&retryMaxWaiting=1", "crowded");

        for (Exchange exchange : List.of(hasty, crowded)) {
            assertThat(exchange.getException()).isInstanceOfSatisfying(ConnectlyRateLimitedException.class, e -> {
                assertThat(e.getAttempts()).isZero();
                assertThat(e.getHttpStatus()).isEqualTo(429);
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.getRetryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
                assertThat(e.getMessage()).contains("was not sent", "Nothing was sent");
            });
        }
        assertThat(hasty.getException().getMessage()).contains("longer than this call may wait (retryMaxElapsed)");
        assertThat(crowded.getException().getMessage()).contains("1 calls of the account were waiting already (retryMaxWaiting)");
        assertThat(server.requestsTo("/send/messages")).hasSize(1);

        patientEndpoint.stop();
        assertThat(waiting.get(10, TimeUnit.SECONDS).getException()).hasMessageContaining("abandoned");
        assertThat(patientEndpoint.getProducerWaiting()).isZero();
    }

    @Test
    void retryMaxWaitingBoundsTheCallsWaitingToRetry() throws Exception {
        RecordingHttpServer.Reply[] unavailable = new RecordingHttpServer.Reply[5];
        for (int i = 0; i < unavailable.length; i++) {
            unavailable[i] = reply(503, "{\"message\":\"overloaded\",\"cntTraceId\":\"5\"}").header("Retry-After", "1");
        }
        server.on("/send/messages", unavailable);
        server.on("/send/messages", reply(200, "{\"id\":\"ok\"}"));
        String uri = SEND + "&retryMaxWaiting=2";
        ConnectlyEndpoint endpoint = context.getEndpoint(uri, ConnectlyEndpoint.class);

        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(sendAsync(uri, "message " + i));
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> call : calls) {
            exchanges.add(call.get(10, TimeUnit.SECONDS));
        }

        List<Exchange> failed = exchanges.stream().filter(e -> e.getException() != null).toList();
        assertThat(failed).hasSize(3).allSatisfy(exchange -> {
            ConnectlyApiException error = (ConnectlyApiException) exchange.getException();
            assertThat(error.getHttpStatus()).isEqualTo(503);
            assertThat(error.isRetryable()).isTrue();
            assertThat(error.getMessage()).contains("Not retried: 2 calls of this Connectly account were waiting already");
        });
        assertThat(server.requestsTo("/send/messages")).hasSize(5 + 2);
        assertThat(endpoint.getProducerWaitingPeak()).isEqualTo(2);
        assertThat(endpoint.getProducerWaitingFull()).isEqualTo(3);
        assertThat(endpoint.getProducerRetries()).isEqualTo(2);
        assertThat(endpoint.getProducerWaiting()).isZero();
    }
}
