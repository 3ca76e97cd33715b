package io.camelconnectly.component.connectly.client;

/**
 * A message was rejected before anything was sent to Connectly: names the field (endpoint option, header or JSON field),
 * the value and what is allowed.
 */
public class ConnectlyValidationException extends IllegalArgumentException {

    private final String field;
    private final String value;

    public ConnectlyValidationException(String field, Object value, String problem) {
        super(field + " " + describe(value) + ": " + problem);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    protected ConnectlyValidationException(String field, Object value, String message, boolean verbatim) {
        super(message);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    /** The field at fault, e.g. recipient, message.attachments[0].type, callbackData. */
    public String getField() {
        return field;
    }

    /** The rejected value as text (null when it was missing). */
    public String getValue() {
        return value;
    }

    static String describe(Object value) {
        if (value == null) {
            return "is missing";
        }
        String text = String.valueOf(value);
        if (text.length() > 120) {
            text = text.substring(0, 120) + "...";
        }
        return "'" + text + "' is invalid";
    }
}
