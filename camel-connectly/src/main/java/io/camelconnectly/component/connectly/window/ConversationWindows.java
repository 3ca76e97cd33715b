package io.camelconnectly.component.connectly.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.component.connectly.webhook.RejectionLog;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation windows of one connectly component: its {@link ConversationWindowRepository}, fed by the component's
 * webhook consumers and read by its producers. A blocking repository (JDBC) is only ever called on this service's
 * bounded executor (from Camel's ExecutorServiceManager), so neither a Vert.x event loop nor an HTTP client I/O thread
 * waits for it; the in-memory one is called inline. Recording never fails the webhook: a failure is counted and logged
 * (a WARN at most once a minute), and the window stays unknown.
 */
public final class ConversationWindows extends ServiceSupport {

    /** WhatsApp's customer-service window. */
    public static final Duration WINDOW = Duration.ofHours(24);
    /**
     * A window closing within this margin counts as closed: the session call, its retries and the clocks of Connectly
     * and of this machine need a moment, and a template is better than a refused call.
     */
    public static final Duration SAFETY_MARGIN = Duration.ofMinutes(1);
    /** Name of the executor's threads (Camel adds its prefix and a counter). */
    public static final String THREAD_NAME = "ConnectlyConversationWindow";

    private static final Logger LOG = LoggerFactory.getLogger(ConversationWindows.class);
    private static final String BSUID_PREFIX = "bsuid:";
    private static final int LOG_RECORD = 0;
    private static final int LOG_LOOKUP = 1;
    private static final int THREADS = 4;
    private static final int QUEUE = 10_000;

    private final CamelContext camelContext;
    private final Object owner;
    private final ConversationWindowRepository repository;
    private final RejectionLog failureLog = new RejectionLog(LOG, 2);
    private volatile ExecutorService executor;

    /**
     * @param owner the component, to name the executor after
     */
    public ConversationWindows(CamelContext camelContext, Object owner, ConversationWindowRepository repository) {
        this.camelContext = camelContext;
        this.owner = owner;
        this.repository = repository;
    }

    public ConversationWindowRepository getRepository() {
        return repository;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(repository);
        if (repository.isBlocking()) {
            ThreadPoolProfile profile = new ThreadPoolProfile(THREAD_NAME);
            profile.setPoolSize(THREADS);
            profile.setMaxPoolSize(THREADS);
            profile.setAllowCoreThreadTimeOut(true);
            profile.setMaxQueueSize(QUEUE);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            executor = camelContext.getExecutorServiceManager().newThreadPool(owner, THREAD_NAME, profile);
        }
        LOG.debug("Connectly conversation windows in {}", repository);
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorService current = executor;
        executor = null;
        if (current != null) {
            // queued recordings are finished (within Camel's shutdown timeout) rather than dropped
            camelContext.getExecutorServiceManager().shutdownGraceful(current);
        }
        ServiceHelper.stopService(repository);
    }

    /**
     * Records an inbound customer message (customer = its sender, business number = its recipient, at Connectly's
     * timestamp, else now); other events are ignored. Never throws and never blocks.
     */
    public void recordInbound(ConnectlyWebhookEvent event, WindowCounters counters) {
        if (!(event instanceof InboundMessageEvent)) {
            return;
        }
        try {
            String customer = customerKey(event.getCustomerNumber());
            String businessNumber = numberKey(event.getBusinessNumber());
            if (customer == null || businessNumber == null) {
                counters.recordFailed();
                failureLog.log(LOG_RECORD, "Connectly conversation window not recorded: the inbound event has no {}",
                        customer == null ? "sender id (customer)" : "recipient id (business number)");
                return;
            }
            Instant sentAt = event.getTimestamp() != null ? event.getTimestamp() : Instant.now();
            if (repository.isBlocking()) {
                blockingExecutor().execute(() -> record(customer, businessNumber, sentAt, counters));
            } else {
                record(customer, businessNumber, sentAt, counters);
            }
        } catch (RuntimeException e) {
            // RejectedExecutionException when the queue is full or the component stopping
            recordFailed(e, counters);
        }
    }

    private void record(String customer, String businessNumber, Instant sentAt, WindowCounters counters) {
        try {
            repository.recordCustomerMessage(customer, businessNumber, sentAt);
            counters.recorded();
        } catch (RuntimeException e) {
            recordFailed(e, counters);
        }
    }

    private void recordFailed(RuntimeException e, WindowCounters counters) {
        counters.recordFailed();
        failureLog.log(LOG_RECORD, "Connectly conversation window not recorded in {} (a later send to this customer tries "
                                   + "the session message first): {}",
                repository, e.toString());
    }

    /**
     * What is known about the customer's window with {@code sender} (or, without a sender, with any of the business's
     * numbers). Completes inline for a non-blocking repository; otherwise on the executor. A failed read completes as
     * unknown (counted and logged), never exceptionally.
     */
    public CompletableFuture<WindowStatus> statusOf(String customer, String sender, WindowCounters counters) {
        String key = customerKey(customer);
        if (!repository.isBlocking()) {
            return CompletableFuture.completedFuture(status(key, sender, counters));
        }
        try {
            return CompletableFuture.supplyAsync(() -> status(key, sender, counters), blockingExecutor());
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(lookupFailed(e, counters));
        }
    }

    /** The executor for a blocking repository; refuses (never runs inline) while this service is not started. */
    private ExecutorService blockingExecutor() {
        ExecutorService current = executor;
        if (current == null) {
            throw new RejectedExecutionException("the Connectly conversation windows are stopped");
        }
        return current;
    }

    private WindowStatus status(String customer, String sender, WindowCounters counters) {
        Map<String, Instant> known;
        try {
            known = customer == null ? Map.of() : repository.lastCustomerMessages(customer);
        } catch (RuntimeException e) {
            return lookupFailed(e, counters);
        }
        return statusOf(known, sender, Instant.now());
    }

    private WindowStatus lookupFailed(RuntimeException e, WindowCounters counters) {
        counters.lookupFailed();
        failureLog.log(LOG_LOOKUP, "Connectly conversation window unknown: reading {} failed ({}); the session message is "
                                   + "tried first",
                repository, e.toString());
        return WindowStatus.UNKNOWN;
    }

    /**
     * The decision for one send. With a sender: that number's window. Without: open when any number's window is open
     * (the one the customer wrote to last, so the session message goes from a number where it is allowed), closed when
     * the customer's known windows are all closed, unknown when nothing is known.
     *
     * @param lastMessages business number to the customer's last message, as the repository returns it
     */
    public static WindowStatus statusOf(Map<String, Instant> lastMessages, String sender, Instant now) {
        Instant openAfter = now.minus(WINDOW).plus(SAFETY_MARGIN);
        if (sender != null) {
            Instant last = lastMessages.get(numberKey(sender));
            if (last == null) {
                return WindowStatus.UNKNOWN;
            }
            return last.isAfter(openAfter) ? WindowStatus.OPEN : WindowStatus.CLOSED;
        }
        String newestOpen = null;
        Instant newest = openAfter;
        for (Map.Entry<String, Instant> entry : lastMessages.entrySet()) {
            if (entry.getValue().isAfter(newest)) {
                newest = entry.getValue();
                newestOpen = entry.getKey();
            }
        }
        if (newestOpen != null) {
            return new WindowStatus(WindowStatus.State.OPEN, newestOpen);
        }
        return lastMessages.isEmpty() ? WindowStatus.UNKNOWN : WindowStatus.CLOSED;
    }

    /** A customer as the repository stores it: E.164 {@code +digits}, or a business-scoped user id without bsuid:. */
    static String customerKey(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.trim();
        if (trimmed.startsWith(BSUID_PREFIX)) {
            trimmed = trimmed.substring(BSUID_PREFIX.length());
        }
        return numberKey(trimmed);
    }

    /** A phone number as {@code +digits} whichever way it was written; anything else (a BSUID) trimmed, as given. */
    static String numberKey(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String trimmed = number.trim();
        if (isPlusDigits(trimmed)) {
            // already the key (as Connectly writes numbers): no copy for every inbound event
            return trimmed;
        }
        StringBuilder digits = new StringBuilder(16).append('+');
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '+' && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return trimmed;
            }
        }
        return digits.length() > 1 ? digits.toString() : trimmed;
    }

    private static boolean isPlusDigits(String number) {
        if (number.length() < 2 || number.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
