package io.camelconnectly.component.connectly.client;

import java.time.Duration;

import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * Connectly still answered 429 after the retries allowed by retryMaxAttempts and retryMaxElapsed: lower the send
 * rate (Connectly allows 200 requests/second on the send endpoints) or allow longer retries; {@link #getRetryAfter()} is
 * the wait Connectly asked for.
 */
public class ConnectlyRateLimitedException extends ConnectlyApiException {

    public ConnectlyRateLimitedException(String operation, String message, int httpStatus, ErrorBody errorBody, Duration retryAfter,
            boolean retryable, int attempts) {
        super(operation, message, httpStatus, errorBody, retryAfter, retryable, attempts);
    }
}
