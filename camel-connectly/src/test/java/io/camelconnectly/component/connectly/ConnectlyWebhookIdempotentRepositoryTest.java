package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_3_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code idempotentRepository=#myRepo}: the configured repository is the one used (the keys land in it), two consumer
 * endpoints sharing it behave like two instances behind a load balancer (a redelivery reaching the other one is a
 * duplicate), and a repository that fails makes the post answer 503 with Retry-After without running the route, so
 * that Connectly's redelivery, once the repository works again, is processed.
 */
class ConnectlyWebhookIdempotentRepositoryTest extends WebhookHttpTestSupport {

    private static final String INSTANCE_A = "/instance-a";
    private static final String INSTANCE_B = "/instance-b";

    @BindToRegistry("myRepo")
    private final RecordingRepository repository = new RecordingRepository();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=" + INSTANCE_A + "&idempotentRepository=#myRepo&webhookSecret=" + SECRET)
                        .routeId("instance-a").to("mock:a");
                from("connectly:webhook?webhookPath=" + INSTANCE_B + "&idempotentRepository=#myRepo&webhookSecret=" + SECRET)
                        .routeId("instance-b").to("mock:b");
            }
        };
    }

    private ConnectlyEndpoint endpoint(String routeId) {
        return (ConnectlyEndpoint) context.getRoute(routeId).getEndpoint();
    }

    @Test
    void theKeysLandInTheConfiguredRepository() throws Exception {
        assertThat(endpoint("instance-a").getConfiguration().getIdempotentRepository()).isSameAs(repository);

        assertThat(post(INSTANCE_A, utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).body()).contains("processed");
        assertThat(post(INSTANCE_A, bytes("webhook-delivery-delivered.json"), VECTOR_3_SIGNATURE).body()).contains("processed");

        // the documented keys: SHA-256 (hex) of an inbound message's raw body; statusUpdate.id:status of a status
        String inboundKey = sha256Hex(utf8(COMPACT_INBOUND_TEXT));
        assertThat(repository.added).containsExactly(inboundKey, "01HZX4Q7M2K9T3V8B6N1C5D0RA:delivered");
        assertThat(repository.contains(inboundKey)).isTrue();
        assertThat(repository.confirmed).containsExactly(inboundKey, "01HZX4Q7M2K9T3V8B6N1C5D0RA:delivered");
    }

    @Test
    void aRedeliveryReachingAnotherInstanceSharingTheRepositoryIsADuplicate() throws Exception {
        MockEndpoint a = getMockEndpoint("mock:a");
        MockEndpoint b = getMockEndpoint("mock:b");
        a.expectedMessageCount(1);
        b.expectedMessageCount(0);

        HttpResponse<String> first = post(INSTANCE_A, utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);
        HttpResponse<String> redelivery = post(INSTANCE_B, utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(redelivery.body()).isEqualTo("{\"status\":\"duplicate\"}");
        MockEndpoint.assertIsSatisfied(context);
        assertThat(endpoint("instance-b").getWebhooksDuplicates()).isEqualTo(1);
        assertThat(endpoint("instance-b").getWebhooksProcessed()).isZero();
        assertThat(endpoint("instance-a").getWebhooksProcessed()).isEqualTo(1);
    }

    @Test
    void aFailingRepositoryAnswers503WithRetryAfterAndTheRedeliveryIsProcessedOnceItRecovers() throws Exception {
        MockEndpoint a = getMockEndpoint("mock:a");
        byte[] body = utf8(COMPACT_INBOUND_TEXT.replace("Where is my order?", "Is my order late?"));
        String signature = sign(body);

        repository.failing.set(true);
        HttpResponse<String> refused = post(INSTANCE_A, body, signature);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Integer.parseInt(value)).isPositive());
        assertThat(refused.body()).doesNotContain("repository down");
        assertThat(a.getReceivedCounter()).as("route runs while the repository fails").isZero();
        assertThat(endpoint("instance-a").getWebhooksProcessed()).isZero();
        assertThat(endpoint("instance-a").getWebhooksDedupeUnavailable()).as("the outage shows in JMX").isEqualTo(1);

        repository.failing.set(false);
        a.expectedMessageCount(1);
        HttpResponse<String> redelivered = post(INSTANCE_A, body, signature);

        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).isEqualTo("{\"status\":\"processed\"}");
        MockEndpoint.assertIsSatisfied(context);
        assertThat(repository.contains(sha256Hex(body))).isTrue();
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An in-memory repository that records what the consumer asks of it and can be made to fail, like a database going away. */
    static final class RecordingRepository extends MemoryIdempotentRepository {
        final AtomicBoolean failing = new AtomicBoolean();
        final List<String> added = new CopyOnWriteArrayList<>();
        final List<String> confirmed = new CopyOnWriteArrayList<>();

        @Override
        public boolean add(String key) {
            if (failing.get()) {
                throw new IllegalStateException("repository down");
            }
            added.add(key);
            return super.add(key);
        }

        @Override
        public boolean confirm(String key) {
            confirmed.add(key);
            return super.confirm(key);
        }
    }
}
