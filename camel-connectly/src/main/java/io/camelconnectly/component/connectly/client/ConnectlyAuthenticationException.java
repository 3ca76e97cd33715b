package io.camelconnectly.component.connectly.client;

import java.time.Duration;

import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * Connectly rejected the API key (401 or 403): check that apiKey is the key of businessId. The key itself is
 * never part of the message.
 */
public class ConnectlyAuthenticationException extends ConnectlyApiException {

    public ConnectlyAuthenticationException(String operation, String message, int httpStatus, ErrorBody errorBody, Duration retryAfter,
            boolean retryable, int attempts) {
        super(operation, message, httpStatus, errorBody, retryAfter, retryable, attempts);
    }
}
