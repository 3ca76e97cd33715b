package io.camelconnectly.simulator;

/** Where an outbound message is on its way to the customer; the wire names are those of {@code statusUpdate.status}. */
public enum DeliveryStatus {
    /** Accepted, no status reached yet. */
    ACCEPTED("accepted"),
    SENT("sent"),
    DELIVERED("delivered"),
    READ("read"),
    DELIVERY_FAILED("delivery_failed");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
