package io.camelconnectly.routes;

import org.apache.camel.Exchange;

/**
 * The parameters one {@code connectly-sink} was given, left after each send in exchange variable
 * {@value ConnectlyRoutes#SINK_VARIABLE} so that {@code connectly-delivery-tracking} knows what went out when the
 * route set no header: as in the producer, a {@code CamelConnectly*} header wins over these values. A variable, not
 * headers, so that it can never override a later send; each sink replaces it. Unset parameters are null.
 */
public class ConnectlySinkParameters {

    private String operation;
    private String recipient;
    private String sender;
    private String templateName;
    private String fallbackTemplateName;

    /** Called by the Kamelet after the send. */
    public void record(Exchange exchange) {
        exchange.setVariable(ConnectlyRoutes.SINK_VARIABLE, this);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getFallbackTemplateName() {
        return fallbackTemplateName;
    }

    public void setFallbackTemplateName(String fallbackTemplateName) {
        this.fallbackTemplateName = fallbackTemplateName;
    }

    /** Names only the operation: the rest are phone numbers and template names. */
    @Override
    public String toString() {
        return "ConnectlySinkParameters[operation=" + operation + "]";
    }
}
