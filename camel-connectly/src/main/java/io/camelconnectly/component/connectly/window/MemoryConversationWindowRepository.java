package io.camelconnectly.component.connectly.window;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.support.cache.SimpleLRUCache;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default {@link ConversationWindowRepository}: in memory, bounded to {@code maxCustomers} customers; when full, the
 * customer whose last message was recorded longest ago is forgotten first (their window is then unknown again: the
 * session message is tried and the fallback template sent if Connectly refuses it). Never blocks, so it is called inline.
 * What it knows is lost on restart and is not shared between instances: use {@link JdbcConversationWindowRepository}
 * for that.
 */
public class MemoryConversationWindowRepository extends ServiceSupport implements ConversationWindowRepository {

    public static final int DEFAULT_MAX_CUSTOMERS = 10_000;

    private final int maxCustomers;
    /** Customer to (business number to time of the last message); values are immutable maps, replaced atomically. */
    private final Map<String, Map<String, Instant>> byCustomer;

    public MemoryConversationWindowRepository() {
        this(DEFAULT_MAX_CUSTOMERS);
    }

    public MemoryConversationWindowRepository(int maxCustomers) {
        if (maxCustomers <= 0) {
            throw new IllegalArgumentException("maxCustomers must be a positive number of customers, was " + maxCustomers);
        }
        this.maxCustomers = maxCustomers;
        // Camel's LRU cache: compute is atomic per key, and eviction follows the order of writes
        this.byCustomer = new SimpleLRUCache<>(16, maxCustomers, forgotten -> {
        });
    }

    @Override
    public void recordCustomerMessage(String customer, String businessNumber, Instant sentAt) {
        byCustomer.compute(customer, (key, known) -> {
            Instant stored = known == null ? null : known.get(businessNumber);
            if (stored != null && !sentAt.isAfter(stored)) {
                return known;
            }
            if (known == null || known.isEmpty()) {
                return Map.of(businessNumber, sentAt);
            }
            Map<String, Instant> updated = new HashMap<>(known);
            updated.put(businessNumber, sentAt);
            return Map.copyOf(updated);
        });
    }

    @Override
    public Map<String, Instant> lastCustomerMessages(String customer) {
        Map<String, Instant> known = byCustomer.get(customer);
        return known == null ? Map.of() : known;
    }

    @Override
    public boolean isBlocking() {
        return false;
    }

    public int getMaxCustomers() {
        return maxCustomers;
    }

    /** How many customers are remembered. */
    public int size() {
        return byCustomer.size();
    }

    @Override
    public String toString() {
        return "MemoryConversationWindowRepository[maxCustomers=" + maxCustomers + "]";
    }
}
