package io.camelconnectly.component.connectly.client;

/**
 * A message was rejected before anything was sent to Connectly: names the field (endpoint option, header or JSON field),
 * the value and what is allowed.
 */
public class ConnectlyValidationException extends IllegalArgumentException {

    private final String field;
    private final String value;
    private final String source;

    public ConnectlyValidationException(String field, Object value, String problem) {
        this(field, null, value, problem);
    }

    /**
     * @param source where the value came from, e.g. "header CamelConnectlyRecipient", "option recipient", "the body";
     *               null when the field says it already
     */
    public ConnectlyValidationException(String field, String source, Object value, String problem) {
        super(field + " " + describe(value, source) + ": " + problem);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
        this.source = source;
    }

    protected ConnectlyValidationException(String field, Object value, String message, boolean verbatim) {
        super(message);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
        this.source = null;
    }

    /** Where the rejected value came from (header, option or body), or null when the field names it already. */
    public String getSource() {
        return source;
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
        return describe(value, null);
    }

    private static String describe(Object value, String source) {
        String from = source != null ? " (from " + source + ")" : "";
        if (value == null) {
            return "is missing" + from;
        }
        String text = String.valueOf(value);
        if (text.length() > 120) {
            text = text.substring(0, 120) + "...";
        }
        return "'" + text + "'" + from + " is invalid";
    }
}
