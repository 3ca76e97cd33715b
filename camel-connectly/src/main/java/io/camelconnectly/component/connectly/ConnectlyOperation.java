package io.camelconnectly.component.connectly;

/**
 * What a {@code connectly:} endpoint does: the URI path. Producers call one Connectly API operation each;
 * {@link #webhook} is the consumer that receives Connectly's signed webhook posts.
 */
public enum ConnectlyOperation {
    sendMessage,
    sendTemplatedMessage,
    sendCampaign,
    getTemplates,
    createTemplate,
    getQualitySignals,
    createWebhook,
    getWebhooks,
    updateWebhook,
    deleteWebhook,
    webhook;

    /** All values as a comma-separated list, for error messages naming what is allowed. */
    public static String allowedValues() {
        StringBuilder sb = new StringBuilder();
        for (ConnectlyOperation op : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(op.name());
        }
        return sb.toString();
    }

    /**
     * Parses an operation name as written in a URI or in the {@code CamelConnectlyOperation} header.
     *
     * @throws IllegalArgumentException naming the value and the allowed values
     */
    public static ConnectlyOperation parse(String source, String value) {
        if (value != null) {
            String trimmed = value.trim();
            for (ConnectlyOperation op : values()) {
                if (op.name().equalsIgnoreCase(trimmed)) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException(
                source + " has unknown operation '" + value + "'; allowed: " + allowedValues());
    }

    public boolean isProducerOperation() {
        return this != webhook;
    }
}
