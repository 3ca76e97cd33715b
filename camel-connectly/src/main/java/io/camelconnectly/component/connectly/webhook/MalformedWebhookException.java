package io.camelconnectly.component.connectly.webhook;

/** A verified webhook body that is not a JSON object this component can read; answered 400. */
public class MalformedWebhookException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
