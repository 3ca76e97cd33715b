package io.camelconnectly.component.connectly;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository;
import io.vertx.core.Context;
import org.apache.camel.AsyncCallback;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the idempotent repository is called. A webhook route that ends in a connectly: producer completes on an
 * HttpClient I/O thread ({@code httpclient-dispatch-*}); a blocking (JDBC) repository must still never be called there,
 * nor on a Vert.x event loop: claim, confirm and remove run on the consumer's dedupe pool. The in-memory repository
 * stays on the fast path: called inline, no hand-off.
 */
class ConnectlyWebhookRepositoryThreadsTest extends WebhookHttpTestSupport {

    private final RecordingHttpServer connectly = new RecordingHttpServer();

    @BindToRegistry("jdbcDedupe")
    private final ThreadRecordingJdbcRepository jdbc = new ThreadRecordingJdbcRepository(h2());

    @BindToRegistry("memoryDedupe")
    private final ThreadRecordingMemoryRepository memory = new ThreadRecordingMemoryRepository();

    @BindToRegistry("plainDedupe")
    private final PlainRepository plain = new PlainRepository();

    private final CountDownLatch downstreamEntered = new CountDownLatch(1);
    private final CountDownLatch downstreamRelease = new CountDownLatch(1);

    ConnectlyWebhookRepositoryThreadsTest() throws Exception {
    }

    @AfterEach
    void stopConnectly() {
        connectly.close();
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:webhook-threads;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String reply = "connectly:sendMessage?apiKey=test-key&businessId=biz-1&baseUrl=" + connectly.baseUrl();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=/jdbc&idempotentRepository=#jdbcDedupe&webhookSecret=" + SECRET)
                        .setBody(constant("Thanks, we got it")).to(reply);
                from("connectly:webhook?webhookPath=/memory&idempotentRepository=#memoryDedupe&webhookSecret=" + SECRET)
                        .setBody(constant("Thanks, we got it")).to(reply);
                from("connectly:webhook?webhookPath=/stopping&idempotentRepository=#plainDedupe&webhookSecret=" + SECRET)
                        .routeId("stopping").process(new SlowFailingDownstream());
            }
        };
    }

    private static byte[] inbound(String text) {
        return utf8("{\"timestamp\":\"1717430400\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},"
                    + "\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\"},\"message\":{\"text\":\"" + text
                    + "\"}}");
    }

    @Test
    void aJdbcRepositoryIsNeverCalledOnAnIoThreadOrAnEventLoopEvenWhenTheRouteEndsInAConnectlyProducer()
            throws Exception {
        connectly.on("/send/messages", reply(200, "{\"id\":\"m-1\"}"),
                reply(400, "{\"code\":\"ERROR_CODE_PHONE_NUMBER_BAD_FORMAT\",\"message\":\"bad\",\"cntTraceId\":\"1\"}"));
        byte[] replied = inbound("reply works");
        byte[] refused = inbound("reply refused");

        assertThat(post("/jdbc", replied, sign(replied)).statusCode()).isEqualTo(200);
        assertThat(post("/jdbc", refused, sign(refused)).statusCode()).isEqualTo(500);

        assertThat(jdbc.log.calls.keySet()).contains("claim", "confirm", "remove");
        jdbc.log.calls.forEach((call, threads) -> assertThat(threads).as(call).allSatisfy(thread -> {
            assertThat(thread).doesNotStartWith("httpclient-dispatch").doesNotContain("eventloop")
                    .contains("ConnectlyWebhookDedupe");
        }));
        assertThat(jdbc.log.onEventLoop).isEmpty();
        // the route completed on the HTTP client's I/O thread: the case this test is about
        assertThat(connectly.requestsTo("/send/messages")).hasSize(2);
    }

    @Test
    void theInMemoryRepositoryIsCalledInlineWithoutAHandOff() throws Exception {
        connectly.on("/send/messages", reply(200, "{\"id\":\"m-2\"}"));
        byte[] body = inbound("in memory");

        assertThat(post("/memory", body, sign(body)).statusCode()).isEqualTo(200);

        assertThat(memory.log.calls.get("add")).singleElement().asString().startsWith("vert.x-worker-thread");
        assertThat(memory.log.calls.values()).allSatisfy(threads -> assertThat(threads)
                .noneSatisfy(thread -> assertThat(thread).contains("ConnectlyWebhookDedupe")));
    }

    @Test
    void aRouteThatFailsAfterItsConsumerStoppedStillForgetsTheEventSoThatItsRedeliveryIsRouted() throws Exception {
        byte[] body = inbound("failed after the stop");
        postAsync("/stopping", body, sign(body), "application/json");
        assertThat(downstreamEntered.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(plain.keys).hasSize(1);

        // the route does not end within the timeout: the consumer, and with it the dedupe pool, is stopped under it
        context.getRouteController().stopRoute("stopping", 1, TimeUnit.SECONDS);
        downstreamRelease.countDown();

        // the failure must leave no mark behind: a mark would answer Connectly's redelivery 200 as a duplicate
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> assertThat(plain.removed).hasSize(1));
        assertThat(plain.keys).isEmpty();
    }

    /** Fails on a thread of its own (as a downstream HTTP client would), once the test lets it. */
    private final class SlowFailingDownstream extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            downstreamEntered.countDown();
            Thread thread = new Thread(() -> {
                try {
                    downstreamRelease.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.setException(new IllegalStateException("downstream failed after the consumer stopped"));
                callback.done(false);
            }, "slow-downstream");
            thread.start();
            return false;
        }
    }

    /** A repository the consumer must treat as blocking (not Camel's in-memory one). */
    static final class PlainRepository extends ServiceSupport implements IdempotentRepository {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final List<String> removed = new CopyOnWriteArrayList<>();

        @Override
        public boolean add(String key) {
            return keys.add(key);
        }

        @Override
        public boolean contains(String key) {
            return keys.contains(key);
        }

        @Override
        public boolean remove(String key) {
            removed.add(key);
            return keys.remove(key);
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
            keys.clear();
        }
    }

    /** The threads each repository call ran on, and the calls made on a Vert.x event loop. */
    static final class ThreadLog {
        final Map<String, List<String>> calls = new ConcurrentHashMap<>();
        final List<String> onEventLoop = new CopyOnWriteArrayList<>();

        void record(String call) {
            String thread = Thread.currentThread().getName();
            calls.computeIfAbsent(call, c -> new CopyOnWriteArrayList<>()).add(thread);
            if (Context.isOnEventLoopThread()) {
                onEventLoop.add(call + " on " + thread);
            }
        }
    }

    static final class ThreadRecordingJdbcRepository extends JdbcLeasedIdempotentRepository {
        final ThreadLog log = new ThreadLog();

        ThreadRecordingJdbcRepository(JdbcDataSource dataSource) {
            super(dataSource);
        }

        @Override
        public Claim claim(String key) {
            log.record("claim");
            return super.claim(key);
        }

        @Override
        public boolean confirm(String key) {
            log.record("confirm");
            return super.confirm(key);
        }

        @Override
        public boolean remove(String key) {
            log.record("remove");
            return super.remove(key);
        }
    }

    static final class ThreadRecordingMemoryRepository extends MemoryIdempotentRepository {
        final ThreadLog log = new ThreadLog();

        @Override
        public boolean add(String key) {
            log.record("add");
            return super.add(key);
        }

        @Override
        public boolean confirm(String key) {
            log.record("confirm");
            return super.confirm(key);
        }
    }
}
