package io.camelconnectly.component.connectly.webhook;

/** Registering the webhook address with Connectly failed; the message says which call, the status and Connectly's code. */
public class WebhookRegistrationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public WebhookRegistrationException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status Connectly answered, or 0 when there was no answer (connection failure, timeout). */
    public int getStatusCode() {
        return statusCode;
    }
}
