package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository;
import io.camelconnectly.component.connectly.dedupe.LeasedIdempotentRepository.Claim;
import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances behind one webhook URL, as a load balancer spreads Connectly's deliveries: two Camel
 * contexts, each serving connectly:webhook on its own Vert.x server, deduplicating through one
 * {@link JdbcLeasedIdempotentRepository} table of a shared database. Subclasses provide the database (started once per
 * class). Leases are short here (1.5 s) so that an abandoned attempt is retaken quickly.
 */
abstract class WebhookInstancesTestSupport {

    static final long LEASE_MILLIS = 1500;
    static final long KEEP_ALIVE_MILLIS = 300;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger BODIES = new AtomicInteger();

    /** What an instance's route does with an event; tests swap it. */
    interface Behaviour {
        void apply(String instance, Exchange exchange) throws Exception;
    }

    static final AtomicReference<Behaviour> BEHAVIOUR = new AtomicReference<>();
    /** "instance:dedupeKey" of every event a route ran to its end. */
    static final List<String> ROUTED = new CopyOnWriteArrayList<>();

    static DataSource dataSource;
    static Instance a;
    static Instance b;

    /** Starts both instances on the subclass' database; call from its @BeforeAll. */
    static void startInstances(DataSource shared) throws Exception {
        dataSource = shared;
        a = new Instance("a");
        b = new Instance("b");
    }

    @AfterAll
    static void stopInstances() throws Exception {
        for (Instance instance : new Instance[] { a, b }) {
            if (instance != null) {
                instance.context.close();
            }
        }
    }

    @BeforeEach
    void reset() {
        BEHAVIOUR.set((instance, exchange) -> {
        });
        ROUTED.clear();
        new JdbcTemplate(dataSource).update("DELETE FROM " + JdbcLeasedIdempotentRepository.DEFAULT_TABLE_NAME);
    }

    static final class Instance {
        final String name;
        final int port = AvailablePortFinder.getNextAvailable();
        final DefaultCamelContext context = new DefaultCamelContext();
        final JdbcLeasedIdempotentRepository repository = leasedRepository();

        Instance(String name) throws Exception {
            this.name = name;
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            server.setMaxBodySize(1_048_576L);
            context.addService(new VertxPlatformHttpServer(server));
            context.getRegistry().bind("dedupe", repository);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("connectly:webhook?idempotentRepository=#dedupe&webhookSecret=" + SECRET).routeId(name)
                            .process(exchange -> BEHAVIOUR.get().apply(name, exchange))
                            .process(exchange -> ROUTED.add(name + ":" + exchange.getMessage()
                                    .getHeader(ConnectlyConstants.DEDUPE_KEY, String.class)));
                }
            });
            context.start();
        }

        ConnectlyEndpoint endpoint() {
            return (ConnectlyEndpoint) context.getRoute(name).getEndpoint();
        }

        CompletableFuture<HttpResponse<String>> postAsync(byte[] body) {
            return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectly/webhook"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header(WebhookSignatureVerifier.SIGNATURE_HEADER, WebhookSignatureVerifier.sign(body, SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(byte[] body) throws Exception {
            return postAsync(body).get(30, TimeUnit.SECONDS);
        }
    }

    static JdbcLeasedIdempotentRepository leasedRepository() {
        JdbcLeasedIdempotentRepository repository = new JdbcLeasedIdempotentRepository(dataSource);
        repository.setLeaseDuration(LEASE_MILLIS);
        repository.setLeaseKeepAliveInterval(KEEP_ALIVE_MILLIS);
        return repository;
    }

    /** A new signed-able inbound message: its dedupe key is the SHA-256 of these bytes. */
    static byte[] newEvent() {
        return ("{\"timestamp\":\"1717430400\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},"
                + "\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\"},\"message\":{\"text\":\"event "
                + BODIES.incrementAndGet() + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    static String keyOf(byte[] body) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    }

    static Long leaseExpiry(String key) {
        return new JdbcTemplate(dataSource).queryForList(
                "SELECT leaseExpiresAt FROM " + JdbcLeasedIdempotentRepository.DEFAULT_TABLE_NAME + " WHERE messageId = ?",
                Long.class, key).get(0);
    }

    @Test
    void aCompletedEventIsADuplicateOnTheOtherInstanceAndItsMarkDoesNotExpire() throws Exception {
        byte[] event = newEvent();
        long duplicatesBefore = b.endpoint().getWebhooksDuplicates();

        HttpResponse<String> first = a.post(event);
        HttpResponse<String> redelivered = b.post(event);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(ROUTED).containsExactly("a:" + keyOf(event));
        // the completed mark has no lease: no expiry can turn it back into a first delivery
        assertThat(leaseExpiry(keyOf(event))).isNull();
        assertThat(b.endpoint().getWebhooksDuplicates()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aRedeliveryWhileTheOtherInstanceRoutesIsRefused503EvenPastTheLeaseAndProcessedAfterTheFirstAttemptFails()
            throws Exception {
        byte[] event = newEvent();
        String key = keyOf(event);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BEHAVIOUR.set((instance, exchange) -> {
            if (instance.equals("a")) {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
                throw new IllegalStateException("downstream system failed");
            }
        });

        long inFlightBefore = b.endpoint().getWebhooksInFlightDuplicates();
        CompletableFuture<HttpResponse<String>> first = a.postAsync(event);
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        long claimedUntil = leaseExpiry(key);
        // instance a keeps its lease alive while its route runs longer than the lease itself
        await().atMost(Duration.ofSeconds(20)).until(() -> leaseExpiry(key) > claimedUntil + LEASE_MILLIS);
        HttpResponse<String> whileInFlight = b.post(event);

        assertThat(whileInFlight.statusCode()).isEqualTo(503);
        assertThat(whileInFlight.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(b.endpoint().getWebhooksInFlightDuplicates()).isEqualTo(inFlightBefore + 1);
        assertThat(first).isNotDone();

        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        HttpResponse<String> retried = b.post(event);

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(ROUTED).containsExactly("b:" + key);
        assertThat(a.repository.getHeldLeases()).isZero();
    }

    @Test
    void anAttemptAbandonedByAStoppedInstanceIsProcessedAgainOnceItsLeaseExpires() throws Exception {
        byte[] event = newEvent();
        String key = keyOf(event);
        // a third instance claims the event, then dies before confirm or remove: it stops renewing, and never releases
        JdbcLeasedIdempotentRepository crashed = leasedRepository();
        DefaultCamelContext crashedContext = new DefaultCamelContext();
        crashed.setCamelContext(crashedContext);
        crashed.start();
        assertThat(crashed.claim(key)).isEqualTo(Claim.CLAIMED);
        crashed.stop();
        crashedContext.close();

        HttpResponse<String> whileLeased = a.post(event);
        assertThat(whileLeased.statusCode()).isEqualTo(503);
        assertThat(ROUTED).isEmpty();

        // Connectly's retries: refused while the lease lives, then processed once, on whichever instance gets it
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> b.post(event).statusCode() == 200);
        assertThat(ROUTED).containsExactly("b:" + key);
        assertThat(b.repository.getTakenOverLeases()).isPositive();
        assertThat(a.post(event).body()).isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(leaseExpiry(key)).isNull();
    }

    @Test
    void concurrentClaimsOfOneKeyHaveExactlyOneWinnerAndSoDoConcurrentTakeOvers() throws Exception {
        String key = "concurrent-" + BODIES.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<Claim, List<JdbcLeasedIdempotentRepository>> first = claimAtOnce(pool, key);
            assertThat(first.get(Claim.CLAIMED)).hasSize(1);
            assertThat(first.get(Claim.IN_FLIGHT)).hasSize(7);

            // the winner's instance dies: it stops renewing, and the others race for the expired lease
            first.get(Claim.CLAIMED).get(0).abandon(key);
            await().atMost(Duration.ofSeconds(10)).until(() -> leaseExpiry(key) < System.currentTimeMillis());
            Map<Claim, List<JdbcLeasedIdempotentRepository>> takeOver = claimAtOnce(pool, key);
            assertThat(takeOver.get(Claim.CLAIMED)).hasSize(1);
            assertThat(takeOver.get(Claim.IN_FLIGHT)).hasSize(7);

            JdbcLeasedIdempotentRepository holder = takeOver.get(Claim.CLAIMED).get(0);
            holder.confirm(key);
            assertThat(holder.claim(key)).isEqualTo(Claim.COMPLETED);
            assertThat(holder.getHeldLeases()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Eight claims of one key released together, alternating between the two instances' repositories. */
    private static Map<Claim, List<JdbcLeasedIdempotentRepository>> claimAtOnce(ExecutorService pool, String key)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map.Entry<Claim, JdbcLeasedIdempotentRepository>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JdbcLeasedIdempotentRepository repository = i % 2 == 0 ? a.repository : b.repository;
            claims.add(pool.submit(() -> {
                start.await();
                return Map.entry(repository.claim(key), repository);
            }));
        }
        start.countDown();
        Map<Claim, List<JdbcLeasedIdempotentRepository>> outcomes = new EnumMap<>(Claim.class);
        for (Future<Map.Entry<Claim, JdbcLeasedIdempotentRepository>> claim : claims) {
            Map.Entry<Claim, JdbcLeasedIdempotentRepository> outcome = claim.get(20, TimeUnit.SECONDS);
            outcomes.computeIfAbsent(outcome.getKey(), c -> new ArrayList<>()).add(outcome.getValue());
        }
        return outcomes;
    }

    @Test
    void aFailingRepositoryAnswers503AndTheRedeliveryIsProcessedOnceItWorksAgain() throws Exception {
        byte[] event = newEvent();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String table = JdbcLeasedIdempotentRepository.DEFAULT_TABLE_NAME;
        long unavailableBefore = a.endpoint().getWebhooksDedupeUnavailable();
        jdbc.execute("ALTER TABLE " + table + " RENAME TO " + table + "_AWAY");
        HttpResponse<String> refused;
        try {
            refused = a.post(event);
        } finally {
            jdbc.execute("ALTER TABLE " + table + "_AWAY RENAME TO " + table);
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(a.endpoint().getWebhooksDedupeUnavailable()).isEqualTo(unavailableBefore + 1);
        assertThat(ROUTED).isEmpty();
        assertThat(a.post(event).statusCode()).isEqualTo(200);
        assertThat(ROUTED).containsExactly("a:" + keyOf(event));
    }

    @Test
    void aRouteCanCommitTheCompletedMarkWithItsOwnDatabaseWork() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS customer_messages (id VARCHAR(255) PRIMARY KEY)");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        byte[] committed = newEvent();
        byte[] rolledBack = newEvent();
        BEHAVIOUR.set((instance, exchange) -> {
            String key = exchange.getMessage().getHeader(ConnectlyConstants.DEDUPE_KEY, String.class);
            boolean failInside = key.equals(keyOf(rolledBack));
            transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO customer_messages (id) VALUES (?)", key);
                // the completed mark joins the route's transaction: both are written, or neither
                a.repository.confirm(key);
                if (failInside) {
                    throw new IllegalStateException("the route's own database work failed");
                }
            });
            // anything failing after the commit cannot make the event run twice: it is already marked completed
            throw new IllegalStateException("failed after the commit");
        });

        assertThat(a.post(committed).statusCode()).isEqualTo(500);
        assertThat(b.post(committed).body()).isEqualTo("{\"status\":\"duplicate\"}");

        assertThat(a.post(rolledBack).statusCode()).isEqualTo(500);
        BEHAVIOUR.set((instance, exchange) -> {
        });
        assertThat(b.post(rolledBack).body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(jdbc.queryForList("SELECT id FROM customer_messages", String.class)).containsExactly(keyOf(committed));
    }
}
