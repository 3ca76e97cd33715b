package io.camelconnectly.routes;

/**
 * Names shared by the Kamelets of this module and the routes that use them. The Kamelets themselves are YAML files
 * under {@code kamelets/} on the classpath; this module's Java classes are the few steps YAML cannot express.
 */
public final class ConnectlyRoutes {

    /**
     * Header set by {@code connectly-inbound-router} on each routed reply: which rule matched, as
     * {@code button:<payload>}, {@code list:<row id>}, {@code keyword:<keyword>} or {@code default}.
     */
    public static final String INBOUND_ROUTE = "CamelConnectlyInboundRoute";

    /**
     * Exchange variable set by {@code connectly-sink} after each send: its {@link ConnectlySinkParameters}, read by
     * {@code connectly-delivery-tracking} where the route set no header.
     */
    public static final String SINK_VARIABLE = "connectlySink";

    /** The table {@code connectly-delivery-tracking} writes: one row per message. */
    public static final String TRACKING_TABLE = "connectly_message";

    /** Its schema in this jar: portable SQL, run on H2 and PostgreSQL by the tests. */
    public static final String TRACKING_SCHEMA = "connectly/delivery-tracking/schema.sql";

    private ConnectlyRoutes() {
    }
}
