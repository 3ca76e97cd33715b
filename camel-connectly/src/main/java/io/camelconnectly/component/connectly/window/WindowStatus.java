package io.camelconnectly.component.connectly.window;

/**
 * What is known about a customer's 24-hour window with the number a message would be sent from.
 *
 * @param state          open, closed or unknown
 * @param businessNumber for a send without a sender: the number whose window is open and that the session message
 *                       should be sent from; otherwise null
 */
public record WindowStatus(State state, String businessNumber) {

    public enum State {
        /** The customer wrote to the number within the last 24 hours (minus the safety margin). */
        OPEN,
        /** The customer's last known message to the number is older than that. */
        CLOSED,
        /** Nothing is known about the customer and the number. */
        UNKNOWN
    }

    static final WindowStatus OPEN = new WindowStatus(State.OPEN, null);
    static final WindowStatus CLOSED = new WindowStatus(State.CLOSED, null);
    static final WindowStatus UNKNOWN = new WindowStatus(State.UNKNOWN, null);
}
