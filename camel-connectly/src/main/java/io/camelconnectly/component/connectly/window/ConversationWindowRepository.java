package io.camelconnectly.component.connectly.window;

import java.time.Instant;
import java.util.Map;

/**
 * Remembers when each customer last wrote to each business number. WhatsApp opens a 24-hour customer-service window per
 * customer and business number when the customer writes; only inside it may a session message be sent from that
 * number. The {@code connectly:webhook} consumer records every verified, first-time inbound message; a
 * {@code connectly:sendMessage} with a fallback template reads what is known to choose between the session message and
 * the template.
 * <p>
 * Customers and business numbers arrive normalised (E.164 {@code +digits}, or a business-scoped user id without its
 * {@code bsuid:} prefix). Implementations are called concurrently. While {@link #isBlocking()} is true (the default) the
 * component calls them on its own bounded executor, never on an HTTP client I/O thread or a Vert.x event loop. An
 * implementation that is also a Camel {@link org.apache.camel.Service} is started and stopped with the component.
 */
public interface ConversationWindowRepository {

    /**
     * Records that {@code customer} wrote to {@code businessNumber} at {@code sentAt}. A time older than the one already
     * stored leaves it unchanged, so redeliveries and events arriving out of order never shorten a window.
     */
    void recordCustomerMessage(String customer, String businessNumber, Instant sentAt);

    /**
     * When the customer last wrote to each business number, as far as known: business number to time; empty (never
     * null) when nothing is known about the customer.
     */
    Map<String, Instant> lastCustomerMessages(String customer);

    /**
     * Whether calls may block on I/O (a database, the network). The in-memory repository answers false and is called
     * inline; everything else is called on the component's executor.
     */
    default boolean isBlocking() {
        return true;
    }
}
