package io.camelconnectly.component.connectly.webhook;

import java.util.Locale;

/** {@code statusUpdate.status} of a delivery status webhook. */
public enum DeliveryStatus {
    /** Left Connectly/WhatsApp, not yet on the device. */
    SENT,
    /** On the customer's device, not opened yet. */
    DELIVERED,
    /** Opened in WhatsApp. */
    READ,
    /** Never reached the customer; {@link DeliveryStatusEvent#getError()} says why. */
    DELIVERY_FAILED,
    /** A status this component does not know; {@link DeliveryStatusEvent#getRawStatus()} has Connectly's value. */
    UNKNOWN;

    private final String wireValue = name().toLowerCase(Locale.ROOT);

    /** The value Connectly writes, also the value of header CamelConnectlyEventType. */
    public String wireValue() {
        return wireValue;
    }

    /** Lenient: null or an unknown value gives {@link #UNKNOWN}. */
    public static DeliveryStatus fromWire(String value) {
        if (value != null) {
            for (DeliveryStatus status : values()) {
                if (status != UNKNOWN && status.wireValue.equalsIgnoreCase(value.trim())) {
                    return status;
                }
            }
        }
        return UNKNOWN;
    }
}
