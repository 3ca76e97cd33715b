package io.camelconnectly.component.connectly.client;

import java.time.Duration;

import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * Connectly still answered 429 after the retries allowed by retryMaxAttempts, retryMaxElapsed and retryMaxWaiting, or
 * (with {@link #getAttempts()} 0) the call was not sent at all: Connectly's Retry-After for the operation had not
 * passed and the call could not wait for it. Lower the send rate (Connectly allows 200 requests/second on the send
 * endpoints) or allow longer waits; {@link #getRetryAfter()} is the wait Connectly asked for (what was left of it).
 */
public class ConnectlyRateLimitedException extends ConnectlyApiException {

    public ConnectlyRateLimitedException(String operation, String message, int httpStatus, ErrorBody errorBody, Duration retryAfter,
            boolean retryable, int attempts) {
        super(operation, message, httpStatus, errorBody, retryAfter, retryable, attempts);
    }
}
