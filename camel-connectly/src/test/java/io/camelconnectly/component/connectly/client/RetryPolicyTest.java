package io.camelconnectly.component.connectly.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.core5.util.Deadline;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.client.RetryPolicy.Failure.AMBIGUOUS;
import static io.camelconnectly.component.connectly.client.RetryPolicy.Failure.NOT_PROCESSED;
import static io.camelconnectly.component.connectly.client.RetryPolicy.Failure.PERMANENT;
import static io.camelconnectly.component.connectly.client.RetryPolicy.Failure.RATE_LIMITED;
import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    /** IMF-fixdate, as servers send Retry-After dates. */
    private static final DateTimeFormatter HTTP_DATE
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

    @Test
    void classifiesStatusesAndFailures() {
        assertThat(RetryPolicy.classify(429)).isEqualTo(RATE_LIMITED);
        assertThat(RetryPolicy.classify(503)).isEqualTo(AMBIGUOUS);
        assertThat(RetryPolicy.classify(503, true, false)).isEqualTo(NOT_PROCESSED);
        assertThat(RetryPolicy.classify(503, false, true)).isEqualTo(NOT_PROCESSED);
        assertThat(RetryPolicy.classify(502)).isEqualTo(AMBIGUOUS);
        assertThat(RetryPolicy.classify(504)).isEqualTo(AMBIGUOUS);
        assertThat(RetryPolicy.classify(500)).isEqualTo(PERMANENT);
        assertThat(RetryPolicy.classify(409)).isEqualTo(PERMANENT);
        assertThat(RetryPolicy.classify(new ConnectException("refused"))).isEqualTo(NOT_PROCESSED);
        assertThat(RetryPolicy.classify(new SocketTimeoutException("read"))).isEqualTo(AMBIGUOUS);
        assertThat(RetryPolicy.classify(new IOException("closed"))).isEqualTo(AMBIGUOUS);
        assertThat(RetryPolicy.classify(new SSLHandshakeException("untrusted"))).isEqualTo(PERMANENT);
        // the async pool's "no connection in time": nothing was sent
        assertThat(RetryPolicy.classify(DeadlineTimeoutException.from(Deadline.calculate(TimeValue.ofMilliseconds(1)))))
                .isEqualTo(NOT_PROCESSED);
    }

    @Test
    void ambiguousFailuresAreRetriedForReadsOrWhenAllowed() {
        RetryPolicy safe = new RetryPolicy(4, 30_000, 10, 100, false, 1000);
        RetryPolicy optIn = new RetryPolicy(4, 30_000, 10, 100, true, 1000);
        assertThat(safe.isRetryable(AMBIGUOUS, true)).isTrue();
        assertThat(safe.isRetryable(AMBIGUOUS, false)).isFalse();
        assertThat(optIn.isRetryable(AMBIGUOUS, false)).isTrue();
        assertThat(safe.isRetryable(RATE_LIMITED, false)).isTrue();
        assertThat(safe.isRetryable(PERMANENT, true)).isFalse();
    }

    @Test
    void backoffIsJitteredWithinTheCapAndBounded() {
        RetryPolicy policy = new RetryPolicy(4, 30_000, 100, 250, false, 1000);
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(policy.nextDelayMillis(NOT_PROCESSED, false, 1, start, null)).isBetween(0L, 100L);
            assertThat(policy.nextDelayMillis(NOT_PROCESSED, false, 3, start, null)).isBetween(0L, 250L);
        }
        assertThat(policy.nextDelayMillis(NOT_PROCESSED, false, 4, start, null)).as("attempts exhausted").isEqualTo(-1);
        assertThat(policy.nextDelayMillis(PERMANENT, true, 1, start, null)).isEqualTo(-1);
        assertThat(policy.nextDelayMillis(RATE_LIMITED, false, 1, start, Duration.ofSeconds(2))).isEqualTo(2000);
        assertThat(policy.nextDelayMillis(RATE_LIMITED, false, 1, start, Duration.ofSeconds(31))).as("beyond maxElapsed")
                .isEqualTo(-1);
    }

    @Test
    void noWaitEndsAfterMaxElapsed() {
        RetryPolicy policy = new RetryPolicy(4, 2_000, 100, 250, false, 1000);
        long start = System.nanoTime();
        assertThat(policy.fitsBudget(start, 1_500)).isTrue();
        assertThat(policy.fitsBudget(start, 2_500)).isFalse();
        assertThat(policy.fitsBudget(start - 1_800_000_000L, 500)).as("1.8 s spent already").isFalse();
        // a pooled connection is waited for as long as the call may still last, at least 1 ms
        assertThat(policy.connectionWaitMillis(start)).isBetween(1_900L, 2_000L);
        assertThat(policy.connectionWaitMillis(start - 5_000_000_000L)).isEqualTo(1);
        assertThat(new RetryPolicy(4, Long.MAX_VALUE, 100, 250, false, 1000).connectionWaitMillis(start))
                .isEqualTo(RetryPolicy.MAX_RETRY_AFTER.toMillis());
        // new calls hold off for Connectly's Retry-After, never longer than a call may wait
        assertThat(policy.holdOffMillis(Duration.ofSeconds(1))).isEqualTo(1_000);
        assertThat(policy.holdOffMillis(Duration.ofHours(1))).isEqualTo(2_000);
        assertThat(policy.holdOffMillis(null)).isZero();
    }

    @Test
    void parsesRetryAfterAsSecondsOrHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter(null)).isNull();
        assertThat(RetryPolicy.parseRetryAfter("soon")).isNull();
        String inOneMinute = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(RetryPolicy.parseRetryAfter(inOneMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        String past = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60));
        assertThat(RetryPolicy.parseRetryAfter(past)).isEqualTo(Duration.ZERO);
    }
}
