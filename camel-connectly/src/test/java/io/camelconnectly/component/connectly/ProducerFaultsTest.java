package io.camelconnectly.component.connectly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.camelconnectly.component.connectly.client.ConnectlyApiException;
import io.camelconnectly.component.connectly.client.ConnectlyConnectionException;
import io.camelconnectly.component.connectly.client.ConnectlyRateLimitedException;
import io.camelconnectly.simulator.ApiOperation;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producer under the simulator's faults, over loopback HTTP, with many exchanges in flight at once: one thread
 * hands them all to the endpoint's async producer, as Camel's routing engine does. For each fault: every exchange ends,
 * with an answer or the typed exception, within retryMaxElapsed + connectTimeout + responseTimeout (checked per
 * exchange with a wide margin: a bound of correctness on a possibly loaded machine, not a speed); attempts are bounded;
 * calls waiting to retry never exceed retryMaxWaiting; no message is accepted twice unless retryAmbiguousFailures=true,
 * and with it a resend after a slow or cut answer does deliver twice, as the option says. Exchanges end on the HTTP
 * client's I/O threads, the retry thread, or (refused at once) the sending thread: no thread waits for an exchange.
 */
class ProducerFaultsTest extends CamelTestSupport {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension();

    /** A loaded 2-core CI machine may stall the JVM for a second or two: far below the excess a missing bound gives. */
    private static final long MARGIN_MILLIS = 3000;
    private static final String SENDING_THREAD = "faults-test-sender";
    private static final String TEMPLATED = "connectly:sendTemplatedMessage?templateName=welcome&validateTemplateParameters=false";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Logger LOG = LoggerFactory.getLogger(ProducerFaultsTest.class);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("connectly", SimulatorComponents.connectlyFor(SIM));
        return context;
    }

    @AfterEach
    void clearFaults() {
        SIM.get().clearFaults();
        SIM.get().rateLimit(0, Duration.ofSeconds(1));
    }

    /** What became of one exchange. */
    private record Outcome(String customer, long millis, Exchange exchange, String thread) {
        Exception error() {
            return exchange.getException();
        }
    }

    /** The outcomes of a run, with what was observed while it ran. */
    private record Run(List<Outcome> sends, List<Outcome> reads, int peakInFlight, int peakThreads, int threadsBefore) {
    }

    /**
     * Hands {@code count} sends to distinct customers ({@code prefix} + 4 digits) to the endpoint's async producer,
     * {@code perTick} every {@code tick} from one thread, with a getTemplates call of the same account each tick when
     * {@code readsToo}, and waits (polling, no sleep) until every exchange has ended.
     */
    private Run run(String uri, String prefix, int count, int perTick, Duration tick, boolean readsToo) throws Exception {
        AsyncProducer sender = startProducer(uri);
        AsyncProducer reader = readsToo ? startProducer("connectly:getTemplates") : null;
        List<Outcome> sends = new CopyOnWriteArrayList<>();
        List<Outcome> reads = new CopyOnWriteArrayList<>();
        AtomicInteger launched = new AtomicInteger();
        AtomicInteger readsLaunched = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peakInFlight = new AtomicInteger();
        AtomicInteger peakThreads = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, SENDING_THREAD));
        int threadsBefore = threadsOutsideTheSimulator();
        try {
            ticker.scheduleAtFixedRate(() -> {
                if (reader != null && launched.get() < count) {
                    readsLaunched.incrementAndGet();
                    process(reader, null, reads, new AtomicInteger());
                }
                for (int n = 0; n < perTick && launched.get() < count; n++) {
                    String customer = prefix + String.format("%04d", launched.getAndIncrement());
                    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    process(sender, customer, sends, inFlight);
                }
                peakThreads.accumulateAndGet(threadsOutsideTheSimulator(), Math::max);
            }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
            // bounded only so that a hanging exchange fails the test instead of the build
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> sends.size() == count && reads.size() == readsLaunched.get());
        } finally {
            ticker.shutdownNow();
            sender.stop();
            if (reader != null) {
                reader.stop();
            }
        }
        return new Run(new ArrayList<>(sends), new ArrayList<>(reads), peakInFlight.get(), peakThreads.get(), threadsBefore);
    }

    private AsyncProducer startProducer(String uri) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        return producer;
    }

    private static void process(AsyncProducer producer, String customer, List<Outcome> outcomes, AtomicInteger inFlight) {
        Exchange exchange = producer.getEndpoint().createExchange();
        if (customer != null) {
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
        }
        long start = System.nanoTime();
        producer.process(exchange, doneSync -> {
            outcomes.add(new Outcome(customer, (System.nanoTime() - start) / 1_000_000, exchange, Thread.currentThread().getName()));
            inFlight.decrementAndGet();
        });
    }

    /** Live threads but the simulator's own (Vert.x may start workers of its own while it serves). */
    private static int threadsOutsideTheSimulator() {
        int count = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && !info.getThreadName().startsWith("vert.x-")) {
                count++;
            }
        }
        return count;
    }

    /** Each exchange ended within the bound, with an answer or one of the typed exceptions. */
    private static void assertEndedInTime(List<Outcome> outcomes, long boundMillis, Set<Class<?>> typedFailures) {
        for (Outcome outcome : outcomes) {
            assertThat(outcome.millis()).as("%s ended after %d ms; bound %d ms (+%d ms margin)", outcome.customer(),
                    outcome.millis(), boundMillis, MARGIN_MILLIS).isLessThanOrEqualTo(boundMillis + MARGIN_MILLIS);
            if (outcome.error() != null) {
                assertThat(typedFailures).as("failure %s", outcome.error()).contains(outcome.error().getClass());
            } else {
                assertThat(outcome.exchange().getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class)).isNotBlank();
            }
        }
    }

    /** The exchanges ended on the HTTP client's I/O threads, the retry thread, or the sending thread (refused at once). */
    private static void assertNoThreadWaitedForAnExchange(Run run) {
        List<Outcome> all = new ArrayList<>(run.sends());
        all.addAll(run.reads());
        for (Outcome outcome : all) {
            assertThat(outcome.thread()).matches("httpclient-dispatch-\\d+|.*ConnectlyRetry.*|" + SENDING_THREAD);
        }
        // hundreds of exchanges in flight at once on one sending thread, and no thread started for them
        assertThat(run.peakThreads() - run.threadsBefore()).as("threads started during the run").isLessThanOrEqualTo(8);
    }

    private static long requestsFor(String customer) {
        String quoted = "\"" + customer + "\"";
        return SIM.requests().stream().filter(r -> r.path().contains("/send/") && r.body().contains(quoted)).count();
    }

    /** Messages accepted for the customer, once the simulator has read what the client sent (it may lag a timeout). */
    private static void assertAccepted(String customer, long expected) {
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).untilAsserted(
                () -> assertThat(SIM.get().acceptedMessages(customer)).as("messages accepted for %s", customer).isEqualTo(expected));
    }

    /**
     * With retryAmbiguousFailures=true: each request for a customer delivered one message, so every resend of an
     * answer that never came (in full) delivered the message again; some did.
     */
    private static void assertResendsDeliveredAgain(Run run) {
        long deliveredTwice = 0;
        for (Outcome outcome : run.sends()) {
            String customer = outcome.customer();
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).untilAsserted(() -> assertThat(
                    SIM.get().acceptedMessages(customer)).as("messages accepted for %s", customer).isEqualTo(requestsFor(customer)));
            assertThat(requestsFor(customer)).isBetween(1L, 4L);
            deliveredTwice += requestsFor(customer) > 1 ? 1 : 0;
        }
        assertThat(deliveredTwice).as("messages the option delivered more than once").isPositive();
    }

    private static long sendRequests() {
        return SIM.get().operationStats(ApiOperation.SEND_TEMPLATE).requests();
    }

    @Test
    void sustained429AtTenTimesTheRateLimit() throws Exception {
        SIM.get().clearOperationStats();
        SIM.get().rateLimit(20, Duration.ofSeconds(1));
        String uri = TEMPLATED + "&retryMaxElapsed=2500&retryMaxWaiting=40&connectTimeout=1000&responseTimeout=5000";
        ConnectlyEndpoint endpoint = context.getEndpoint(uri, ConnectlyEndpoint.class);

        // 200 sends a second for 2 s against a limit of 20 a second
        Run run = run(uri, "+1604555", 400, 20, Duration.ofMillis(100), true);
        List<Outcome> refused = run.sends().stream().filter(o -> o.error() != null).toList();
        LOG.info("429 storm: {} sends, {} refused, {} requests to Connectly, waiting peak {}, held off {}, waiting full {}, "
                 + "longest exchange {} ms, peak in flight {}, failures {}", run.sends().size(), refused.size(), sendRequests(),
                endpoint.getProducerWaitingPeak(), endpoint.getProducerHeldOff(), endpoint.getProducerWaitingFull(),
                run.sends().stream().mapToLong(Outcome::millis).max().orElse(0), run.peakInFlight(),
                refused.stream().collect(Collectors.groupingBy(o -> o.error().getClass().getSimpleName(),
                        Collectors.counting())));

        // a loaded machine may also see an answer later than responseTimeout: a typed failure too, within the bound
        assertEndedInTime(run.sends(), 2500 + 1000 + 5000,
                Set.of(ConnectlyRateLimitedException.class, ConnectlyConnectionException.class));
        assertThat(refused).isNotEmpty().hasSizeLessThan(400);
        for (Outcome outcome : refused) {
            if (outcome.error() instanceof ConnectlyRateLimitedException error) {
                assertThat(error.getAttempts()).isBetween(0, 4);
                assertThat(error.isRetryable()).isTrue();
            }
        }
        // held off and unable to wait: refused before being sent
        assertThat(refused).anySatisfy(outcome -> {
            assertThat(((ConnectlyRateLimitedException) outcome.error()).getAttempts()).isZero();
            assertThat(outcome.error().getMessage()).contains("was not sent");
            assertThat(requestsFor(outcome.customer())).isZero();
        });
        // each message the customer got was accepted once; a rate-limited one never
        for (Outcome outcome : run.sends()) {
            long accepted = SIM.get().acceptedMessages(outcome.customer());
            if (outcome.error() instanceof ConnectlyConnectionException) {
                assertThat(accepted).as(outcome.customer()).isLessThanOrEqualTo(1);
            } else {
                assertThat(accepted).as(outcome.customer()).isEqualTo(outcome.error() == null ? 1 : 0);
            }
        }
        // waiting calls stayed within retryMaxWaiting, which was reached; calls held off for Retry-After instead of
        // going out to be refused: Connectly got fewer requests than messages (each call going out and retrying as the
        // 4 attempts allow gave ~700 here)
        assertThat(endpoint.getProducerWaitingPeak()).isBetween(1, 40);
        assertThat(endpoint.getProducerWaitingFull()).isPositive();
        assertThat(endpoint.getProducerHeldOff()).isPositive();
        assertThat(endpoint.getProducerWaiting()).isZero();
        assertThat(sendRequests()).isLessThan(400);
        // the account's reads went on through the same HTTP client meanwhile
        assertThat(run.reads()).isNotEmpty().allSatisfy(read -> assertThat(read.error()).isNull());
        assertThat(run.peakInFlight()).as("exchanges in flight at once").isGreaterThan(20);
        assertNoThreadWaitedForAnExchange(run);
    }

    @Test
    void connectly503BurstsAreRetriedAndEachMessageAcceptedOnce() throws Exception {
        SIM.get().clearOperationStats();
        String uri = TEMPLATED + "&retryMaxAttempts=10&retryMaxElapsed=5000&connectTimeout=1000&responseTimeout=5000";

        // Connectly's own 503 (its error body: it did not act), then a proxy's bare 503 that says when to come back
        SIM.get().inject(Fault.status(503).times(60).onSends());
        Run connectly = run(uri, "+1778555", 100, 100, Duration.ofMillis(100), false);
        SIM.get().clearFaults();
        SIM.get().inject(Fault.status(503).withoutErrorBody().retryAfter(Duration.ofSeconds(1)).times(30).onSends());
        Run proxy = run(uri, "+1236555", 50, 50, Duration.ofMillis(100), false);

        for (Run run : List.of(connectly, proxy)) {
            assertEndedInTime(run.sends(), 5000 + 1000 + 5000, Set.of());
            for (Outcome outcome : run.sends()) {
                assertThat(SIM.get().acceptedMessages(outcome.customer())).as(outcome.customer()).isEqualTo(1);
            }
            assertNoThreadWaitedForAnExchange(run);
        }
        // one more attempt per 503, none beyond
        assertThat(sendRequests()).isEqualTo(100 + 60 + 50 + 30);
    }

    @Test
    void bare503BurstsAreNotResentUnlessRetryAmbiguousFailures() throws Exception {
        String uri = TEMPLATED + "&retryMaxElapsed=2000&connectTimeout=1000&responseTimeout=5000";

        // a bare 503 may come from a gateway after Connectly acted: a send is not repeated
        SIM.get().inject(Fault.status(503).withoutErrorBody().withoutRetryAfter().times(20).onSends());
        Run safe = run(uri, "+1672555", 50, 50, Duration.ofMillis(100), false);
        SIM.get().clearFaults();
        SIM.get().inject(Fault.status(503).withoutErrorBody().withoutRetryAfter().times(20).onSends());
        Run optIn = run(uri + "&retryAmbiguousFailures=true", "+1587555", 50, 50, Duration.ofMillis(100), false);

        assertEndedInTime(safe.sends(), 2000 + 1000 + 5000, Set.of(ConnectlyApiException.class));
        List<Outcome> failed = safe.sends().stream().filter(o -> o.error() != null).toList();
        assertThat(failed).hasSize(20).allSatisfy(outcome -> {
            ConnectlyApiException error = (ConnectlyApiException) outcome.error();
            assertThat(error.getHttpStatus()).isEqualTo(503);
            assertThat(error.isRetryable()).isFalse();
            assertThat(error.getAttempts()).isEqualTo(1);
            assertThat(requestsFor(outcome.customer())).isEqualTo(1);
        });
        for (Outcome outcome : safe.sends()) {
            assertThat(SIM.get().acceptedMessages(outcome.customer())).isEqualTo(outcome.error() == null ? 1 : 0);
        }
        // with the option, the same burst is retried
        assertEndedInTime(optIn.sends(), 2000 + 1000 + 5000, Set.of());
        assertThat(optIn.sends()).allSatisfy(o -> assertThat(SIM.get().acceptedMessages(o.customer())).isEqualTo(1));
        assertNoThreadWaitedForAnExchange(safe);
        assertNoThreadWaitedForAnExchange(optIn);
    }

    @Test
    void answersSlowerThanResponseTimeoutEndInTimeAndAreNotResent() throws Exception {
        SIM.get().inject(Fault.delay(Duration.ofSeconds(3)).fraction(0.5).onSends());
        // 2 connections for 40 calls at once: most also wait for a pooled connection, within retryMaxElapsed
        String uri = TEMPLATED + "&retryMaxElapsed=1500&connectTimeout=1000&responseTimeout=400&maxConnections=2";

        Run run = run(uri, "+1250555", 40, 40, Duration.ofMillis(100), false);

        assertEndedInTime(run.sends(), 1500 + 1000 + 400, Set.of(ConnectlyConnectionException.class));
        List<Outcome> timedOut = new ArrayList<>();
        List<Outcome> neverSent = new ArrayList<>();
        for (Outcome outcome : run.sends()) {
            if (outcome.error() == null) {
                assertAccepted(outcome.customer(), 1);
            } else if (((ConnectlyConnectionException) outcome.error()).isRequestMayHaveBeenProcessed()) {
                // the slow answer's message was sent: not sent again
                timedOut.add(outcome);
                assertThat(outcome.error().getMessage()).contains("may have processed");
                assertThat(((ConnectlyConnectionException) outcome.error()).isRetryable()).isFalse();
                assertAccepted(outcome.customer(), 1);
                assertThat(requestsFor(outcome.customer())).isEqualTo(1);
            } else {
                // no pooled connection within retryMaxElapsed: nothing sent, safe to send again
                neverSent.add(outcome);
                assertThat(((ConnectlyConnectionException) outcome.error()).isRetryable()).isTrue();
                assertThat(SIM.get().acceptedMessages(outcome.customer())).isZero();
            }
        }
        assertThat(timedOut).isNotEmpty();
        assertThat(neverSent).isNotEmpty()
                .anySatisfy(o -> assertThat(o.error().getMessage()).contains("No pooled connection became free in time"));
        assertNoThreadWaitedForAnExchange(run);
        LOG.info("slow answers: {} sends, {} timed out, {} never sent, longest exchange {} ms", run.sends().size(),
                timedOut.size(), neverSent.size(), run.sends().stream().mapToLong(Outcome::millis).max().orElse(0));
    }

    @Test
    void slowAnswersAreResentOnlyWithRetryAmbiguousFailuresAndThenCanDeliverTwice() throws Exception {
        SIM.get().inject(Fault.delay(Duration.ofSeconds(3)).fraction(0.5).onSends());
        String uri = TEMPLATED + "&retryMaxElapsed=2000&connectTimeout=1000&responseTimeout=400&retryAmbiguousFailures=true";

        Run run = run(uri, "+1403555", 20, 20, Duration.ofMillis(100), false);

        assertEndedInTime(run.sends(), 2000 + 1000 + 400, Set.of(ConnectlyConnectionException.class));
        // every attempt of a slow answer took effect: each resend is one more message to the customer
        assertResendsDeliveredAgain(run);
        assertNoThreadWaitedForAnExchange(run);
    }

    @Test
    void connectionsResetMidResponseEndAtOnceAndSendsAreResentOnlyWithRetryAmbiguousFailures() throws Exception {
        SIM.get().inject(Fault.reset().fraction(0.5).onSends());
        SIM.get().inject(Fault.reset().times(2).on(ApiOperation.GET_TEMPLATES));
        String uri = TEMPLATED + "&retryMaxElapsed=2000&connectTimeout=1000&responseTimeout=5000";

        Run safe = run(uri, "+1416555", 40, 10, Duration.ofMillis(100), true);
        Run optIn = run(uri + "&retryAmbiguousFailures=true", "+1647555", 20, 20, Duration.ofMillis(100), false);

        assertEndedInTime(safe.sends(), 2000 + 1000 + 5000, Set.of(ConnectlyConnectionException.class));
        List<Outcome> cut = safe.sends().stream().filter(o -> o.error() != null).toList();
        assertThat(cut).hasSize(20).allSatisfy(outcome -> {
            ConnectlyConnectionException error = (ConnectlyConnectionException) outcome.error();
            assertThat(error.isRequestMayHaveBeenProcessed()).isTrue();
            assertThat(error.getAttempts()).isEqualTo(1);
        });
        safe.sends().forEach(outcome -> assertAccepted(outcome.customer(), 1));
        // a read is repeated after a reset: it changes nothing
        assertThat(safe.reads()).isNotEmpty().allSatisfy(read -> assertThat(read.error()).isNull());

        assertEndedInTime(optIn.sends(), 2000 + 1000 + 5000, Set.of(ConnectlyConnectionException.class));
        assertResendsDeliveredAgain(optIn);
        assertNoThreadWaitedForAnExchange(safe);
        assertNoThreadWaitedForAnExchange(optIn);
    }
}
