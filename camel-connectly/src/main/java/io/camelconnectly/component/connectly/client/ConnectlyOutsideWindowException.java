package io.camelconnectly.component.connectly.client;

import java.time.Duration;

import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * The customer's 24-hour window is closed (ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW): send a template with
 * {@code connectly:sendTemplatedMessage} instead; if the customer did write within 24 hours and the business has several
 * numbers, set {@code sender} to the number the customer wrote to.
 */
public class ConnectlyOutsideWindowException extends ConnectlyApiException {

    public ConnectlyOutsideWindowException(String operation, String message, int httpStatus, ErrorBody errorBody, Duration retryAfter,
            boolean retryable, int attempts) {
        super(operation, message, httpStatus, errorBody, retryAfter, retryable, attempts);
    }
}
