package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every answer of the consumer (200, 4xx, 5xx) has a body type that Camel's Vert.x platform-http writer writes
 * directly: String, Vert.x Buffer or ByteBuffer (VertxPlatformHttpSupport.writeResponse). Any other type, byte[]
 * included, is converted to an InputStream and pumped through a worker thread (executeBlocking): a blocking hop for
 * every answer. Checked on each HTTP exchange as platform-http completes it, after writing.
 */
class ConnectlyWebhookAnswerWriterTest extends WebhookHttpTestSupport {

    private static final List<Class<?>> WRITTEN_DIRECTLY = List.of(String.class, Buffer.class, ByteBuffer.class);

    private final List<Object> answerBodies = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                ExchangeCompletedEvent completed = (ExchangeCompletedEvent) event;
                if (completed.getExchange().getFromEndpoint() instanceof PlatformHttpEndpoint) {
                    answerBodies.add(completed.getExchange().getMessage().getBody());
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeCompletedEvent;
            }
        });
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?maxBodySize=400&webhookSecret=" + SECRET).to("mock:events");
                from("connectly:webhook?webhookPath=/failing&webhookSecret=" + SECRET)
                        .throwException(new IllegalStateException("downstream unavailable"));
            }
        };
    }

    @Test
    void everyAnswerHasABodyTheVertxWriterWritesWithoutAWorkerThread() throws Exception {
        byte[] text = utf8(COMPACT_INBOUND_TEXT);
        byte[] notJson = utf8("not json");
        byte[] tooLarge = utf8("{\"padding\":\"" + "x".repeat(500) + "\"}");
        List<Integer> statuses = List.of(
                post("/connectly/webhook", text, VECTOR_1_SIGNATURE).statusCode(),
                post("/connectly/webhook", text, VECTOR_1_SIGNATURE).statusCode(),
                post("/connectly/webhook", text, "wrong").statusCode(),
                post("/connectly/webhook", notJson, sign(notJson)).statusCode(),
                post("/connectly/webhook", tooLarge, sign(tooLarge)).statusCode(),
                postAsync("/connectly/webhook", text, VECTOR_1_SIGNATURE, "application/x-www-form-urlencoded").get()
                        .statusCode(),
                client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/connectly/webhook")).GET()
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                post("/failing", text, VECTOR_1_SIGNATURE).statusCode());

        assertThat(statuses).containsExactly(200, 200, 401, 400, 413, 415, 405, 500);
        await().atMost(Duration.ofSeconds(10)).until(() -> answerBodies.size() == statuses.size());
        assertThat(answerBodies).allSatisfy(body -> assertThat(body).isInstanceOfAny(WRITTEN_DIRECTLY.toArray(Class[]::new)));
    }
}
