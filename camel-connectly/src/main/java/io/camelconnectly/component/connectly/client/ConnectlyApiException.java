package io.camelconnectly.component.connectly.client;

import java.time.Duration;

import io.camelconnectly.component.connectly.model.ErrorBody;

/**
 * Connectly answered with a non-2xx status. Carries the HTTP status, Connectly's error code and type, its messages, the
 * {@code cntTraceId} to quote to Connectly support, and the {@code Retry-After} it asked for. Subclasses mark the cases
 * that need their own handling; any other error is matched by {@link #getErrorCode()} or {@link #getHttpStatus()}, e.g.
 * {@code onException(ConnectlyApiException.class).onWhen(simple("${exception.errorCode} == 'ERROR_CODE_...'"))}.
 */
public class ConnectlyApiException extends ConnectlyException {

    private final int httpStatus;
    private final String errorCode;
    private final String errorType;
    private final String errorMessage;
    private final String userMessage;
    private final String cntTraceId;
    private final Duration retryAfter;
    private final int attempts;
    private final transient ErrorBody errorBody;

    public ConnectlyApiException(String operation, String message, int httpStatus, ErrorBody errorBody, Duration retryAfter,
                                 boolean retryable, int attempts) {
        super(operation, message, retryable, null);
        this.httpStatus = httpStatus;
        this.errorBody = errorBody;
        this.errorCode = errorBody == null ? null : errorBody.getCode();
        this.errorType = errorBody == null ? null : errorBody.getType();
        this.errorMessage = errorBody == null ? null : errorBody.getMessage();
        this.userMessage = errorBody == null ? null : errorBody.getUserMessage();
        this.cntTraceId = errorBody == null ? null : errorBody.getCntTraceId();
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** The HTTP status Connectly answered with. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** Connectly's specific error code, e.g. ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW; null when not sent. */
    public String getErrorCode() {
        return errorCode;
    }

    /** Connectly's broad error category, e.g. ERROR_TYPE_INVALID_REQUEST; null when not sent. */
    public String getErrorType() {
        return errorType;
    }

    /** Connectly's own description of the error. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** Connectly's troubleshooting hint. */
    public String getUserMessage() {
        return userMessage;
    }

    /** Connectly's trace id: quote it to Connectly support. */
    public String getCntTraceId() {
        return cntTraceId;
    }

    /** The wait Connectly asked for with Retry-After, or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** How many attempts were made (1 when the error was not retried). */
    public int getAttempts() {
        return attempts;
    }

    /** The whole error object as Connectly sent it (null when the answer had no JSON error body). */
    public ErrorBody getErrorBody() {
        return errorBody;
    }
}
