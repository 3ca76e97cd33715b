package io.camelconnectly.component.connectly.client;

/**
 * No answer from Connectly: connection refused, connect or response timeout, connection closed, TLS failure.
 * {@link #isRequestMayHaveBeenProcessed()} tells whether Connectly may have acted on the request anyway (the request was
 * written before the failure): resending a send then risks delivering it twice.
 */
public class ConnectlyConnectionException extends ConnectlyException {

    private final boolean requestMayHaveBeenProcessed;
    private final int attempts;

    public ConnectlyConnectionException(String operation, String message, boolean retryable,
                                        boolean requestMayHaveBeenProcessed, int attempts, Throwable cause) {
        super(operation, message, retryable, cause);
        this.requestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
        this.attempts = attempts;
    }

    public boolean isRequestMayHaveBeenProcessed() {
        return requestMayHaveBeenProcessed;
    }

    /** How many attempts were made before giving up. */
    public int getAttempts() {
        return attempts;
    }
}
