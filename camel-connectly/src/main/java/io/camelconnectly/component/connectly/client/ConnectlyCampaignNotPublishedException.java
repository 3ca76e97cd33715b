package io.camelconnectly.component.connectly.client;

import java.time.Duration;

import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * sendCampaign answered 409: the campaign is not in a state that accepts sendouts, typically not published
 * yet. Publish it in Flow Builder, then send again. Not retried automatically.
 */
public class ConnectlyCampaignNotPublishedException extends ConnectlyApiException {

    public ConnectlyCampaignNotPublishedException(String operation, String message, int httpStatus, ErrorBody errorBody, Duration retryAfter,
            boolean retryable, int attempts) {
        super(operation, message, httpStatus, errorBody, retryAfter, retryable, attempts);
    }
}
