package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelconnectly.component.connectly.window.ConversationWindowRepository;
import io.camelconnectly.simulator.SimulatorClock;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A real repository as the component sees it against the simulator: times are read on the simulator's clock (the
 * simulator stamps webhooks with its own time, which tests move forward past the 24-hour window), and every call notes
 * the thread it ran on.
 */
final class ObservedWindowRepository extends ServiceSupport implements ConversationWindowRepository {

    private final ConversationWindowRepository delegate;
    private final SimulatorClock clock;
    final List<String> recordThreads = new CopyOnWriteArrayList<>();
    final List<String> readThreads = new CopyOnWriteArrayList<>();

    ObservedWindowRepository(ConversationWindowRepository delegate, SimulatorClock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public void recordCustomerMessage(String customer, String businessNumber, Instant sentAt) {
        recordThreads.add(Thread.currentThread().getName());
        delegate.recordCustomerMessage(customer, businessNumber, sentAt);
    }

    @Override
    public Map<String, Instant> lastCustomerMessages(String customer) {
        readThreads.add(Thread.currentThread().getName());
        // the component compares with this machine's clock: shift the simulator's times back by how far it moved ahead
        Duration ahead = clock.offset();
        Map<String, Instant> shifted = new HashMap<>();
        delegate.lastCustomerMessages(customer).forEach((number, time) -> shifted.put(number, time.minus(ahead)));
        return shifted;
    }

    /** What the repository holds, on the simulator's clock. */
    Map<String, Instant> stored(String customer) {
        return delegate.lastCustomerMessages(customer);
    }

    @Override
    public boolean isBlocking() {
        return delegate.isBlocking();
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(delegate);
    }
}
