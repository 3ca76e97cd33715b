package io.camelconnectly.component.connectly;

import java.time.Duration;

import io.camelconnectly.component.connectly.client.ConnectlyRateLimitedException;
import io.camelconnectly.component.connectly.client.RetryPolicy;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a proxy or Connectly puts in Retry-After, a 429 surfaces as ConnectlyRateLimitedException (so
 * {@code onException} for rate limits matches): huge values are clamped, malformed ones ignored.
 */
class RetryAfterTest extends ConnectlyTestSupport {

    private static final String SEND = "connectly:sendMessage?recipient=%2B16045550123&retryMaxAttempts=2&retryMaxElapsed=3000";

    @ParameterizedTest
    @ValueSource(strings = { "99999999999", "9223372036854775807", "99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT" })
    void aHugeRetryAfterIsClampedAndStillARateLimit(String retryAfter) {
        server.on("/send/messages", reply(429, "{\"message\":\"slow down\",\"cntTraceId\":\"8\"}").header("Retry-After", retryAfter));

        Exchange exchange = send(SEND, "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyRateLimitedException.class);
        ConnectlyRateLimitedException error = (ConnectlyRateLimitedException) exchange.getException();
        assertThat(error.getRetryAfter()).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
        assertThat(error.getMessage()).contains("cntTraceId=8");
        // waiting that long would exceed retryMaxElapsed: given up at once
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "soon", "-5", "1.5", "", "Mon, 99 Foo 2025 25:61:61 GMT" })
    void aMalformedRetryAfterIsIgnoredAndTheBackoffUsed(String retryAfter) {
        server.on("/send/messages", reply(429, "{\"message\":\"slow down\"}").header("Retry-After", retryAfter));

        Exchange exchange = send(SEND, "hello");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyRateLimitedException.class);
        assertThat(((ConnectlyRateLimitedException) exchange.getException()).getRetryAfter()).isNull();
        // retried once with the normal backoff
        assertThat(server.requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(longs = { Long.MAX_VALUE, Long.MAX_VALUE / 1000, 86_400_000_000L })
    void theRetryDelayNeverOverflows(long retryAfterMillis) {
        RetryPolicy policy = new RetryPolicy(4, Long.MAX_VALUE, 500, 10_000, false, 1000);
        long delay = policy.nextDelayMillis(RetryPolicy.Failure.RATE_LIMITED, false, 1, System.nanoTime(),
                Duration.ofMillis(retryAfterMillis));
        assertThat(delay).isBetween(0L, RetryPolicy.MAX_RETRY_AFTER.toMillis());
        assertThat(RetryPolicy.parseRetryAfter(String.valueOf(Long.MAX_VALUE))).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }
}
