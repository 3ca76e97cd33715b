package io.camelconnectly.reliability;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository;
import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.reliability.InjectedFailures.InjectedFailureException;
import io.camelconnectly.reliability.InjectedFailures.Step;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The route of the reliability run's application, the way README's "Running several instances" tells a careful user to
 * write it: the event's database work and its completed dedupe mark ({@code dedupe.confirm}) commit in one transaction
 * on the DataSource the leased repository uses, so an event is either processed and marked completed, or neither.
 * <p>
 * The work is one row per processed event in {@code reliability_processed_events} (the run counts them) and a pause
 * standing for a call to another system, so that a kill lands in the middle of events. Around it the run injects route
 * failures ({@link InjectedFailures}) at each kind of step a real route fails at.
 */
public class EventRoutes extends RouteBuilder {

    private static final String ATTEMPT = "ReliabilityAttempt";

    private static final String COUNT_ATTEMPT = "INSERT INTO reliability_route_attempts (event_key, attempts) VALUES (?, 1) "
                                                + "ON CONFLICT (event_key) DO UPDATE SET attempts = reliability_route_attempts.attempts + 1 "
                                                + "RETURNING attempts";
    private static final String RECORD_EVENT = "INSERT INTO reliability_processed_events (event_key, dedupe_key, instance, lease_owner, processed_at) "
                                               + "VALUES (?, ?, ?, ?, now())";

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private JdbcLeasedIdempotentRepository dedupe;
    private String instance;
    private int failurePercent;
    private long workMillis;

    @Override
    public void configure() {
        DataSource dataSource = getContext().getRegistry().lookupByNameAndType("appDataSource", DataSource.class);
        dedupe = getContext().getRegistry().lookupByNameAndType("dedupe", JdbcLeasedIdempotentRepository.class);
        jdbc = new JdbcTemplate(dataSource);
        // the same DataSource object as the repository's: its confirm() joins this transaction
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        instance = setting("reliability.instance");
        failurePercent = Integer.parseInt(setting("reliability.failure-percent"));
        workMillis = Long.parseLong(setting("reliability.work-millis"));

        // a failed attempt is answered 500 and redelivered; one line in the log each, no stack trace
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));

        from("connectly:webhook?idempotentRepository=#dedupe&webhookSecret={{env:CONNECTLY_WEBHOOK_SECRET}}"
             + "&webhookAutoRegister=true&webhookExternalUrl={{connectly.webhook-url}}")
                .routeId("connectly-events")
                .process(this::countAttempt)
                .process(exchange -> failIf(exchange, Step.BEFORE_WORK))
                .process(this::processInTransaction)
                .process(exchange -> failIf(exchange, Step.AFTER_COMMIT));
    }

    /** The event's work and its completed mark, committed together (README: the completed mark in the route's transaction). */
    private void processInTransaction(Exchange exchange) {
        String eventKey = eventKey(exchange.getMessage().getBody(ConnectlyWebhookEvent.class));
        String dedupeKey = exchange.getMessage().getHeader(ConnectlyConstants.DEDUPE_KEY, String.class);
        transaction.executeWithoutResult(status -> {
            jdbc.update(RECORD_EVENT, eventKey, dedupeKey, instance, dedupe.getOwner());
            pauseForWork();
            failIf(exchange, Step.IN_TRANSACTION);
            dedupe.confirm(dedupeKey);
        });
    }

    /** Fault injection: counts this attempt on the event (on any instance) and picks the step it fails at, if any. */
    private void countAttempt(Exchange exchange) {
        String eventKey = eventKey(exchange.getMessage().getBody(ConnectlyWebhookEvent.class));
        int number = jdbc.queryForObject(COUNT_ATTEMPT, Integer.class, eventKey);
        exchange.setProperty(ATTEMPT, new Attempt(eventKey, number, InjectedFailures.stepFor(eventKey, number, failurePercent)));
    }

    private static void failIf(Exchange exchange, Step step) {
        Attempt attempt = exchange.getProperty(ATTEMPT, Attempt.class);
        if (attempt.failingStep() == step) {
            throw new InjectedFailureException(step, attempt.eventKey(), attempt.number());
        }
    }

    /** One run of the route on an event: its number among the event's attempts, and where it is made to fail. */
    private record Attempt(String eventKey, int number, Step failingStep) {
    }

    /** Stands for a call to another system inside the transaction; runs on the consumer's dedupe pool, not an event loop. */
    private void pauseForWork() {
        try {
            Thread.sleep(workMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working on an event", e);
        }
    }

    /** The simulator's key of an event: the whole text of an inbound message, the statusUpdate.id of a status. */
    static String eventKey(ConnectlyWebhookEvent event) {
        String key = event instanceof InboundMessageEvent inbound ? inbound.getText()
                : event instanceof DeliveryStatusEvent status ? status.getStatusUpdateId() : null;
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("event without a key: " + event);
        }
        return key;
    }

    private String setting(String name) {
        return getContext().resolvePropertyPlaceholders("{{" + name + "}}");
    }
}
