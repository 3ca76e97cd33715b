package io.camelconnectly.component.connectly.client;

import org.apache.camel.RuntimeCamelException;

/**
 * Base of every failure of a call to Connectly (an error answer, or no answer at all). Match a subclass in
 * {@code onException} for the cases that need their own handling.
 */
public class ConnectlyException extends RuntimeCamelException {

    private final String operation;
    private final boolean retryable;

    public ConnectlyException(String operation, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.retryable = retryable;
    }

    /** The operation that failed, e.g. sendMessage. */
    public String getOperation() {
        return operation;
    }

    /**
     * Whether the failure is transient and the same request can be sent again without risk of doing it twice
     * (429, 503, connection refused; 502/504/timeouts only for reads or with {@code retryAmbiguousFailures}).
     */
    public boolean isRetryable() {
        return retryable;
    }
}
