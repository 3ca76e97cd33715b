package io.camelconnectly.component.connectly;

import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer health check, read through camel-health's producers repository, and the consumer's, which camel-health's
 * per-route consumer check delegates to (HealthCheckAware).
 */
class ConnectlyHealthCheckTest extends WebhookHttpTestSupport {

    private static final String API_KEY = "health-key-never-shown";

    private final RecordingHttpServer connectly = new RecordingHttpServer();
    /** Nothing listens there: every call is refused. */
    private final int closedPort = AvailablePortFinder.getNextAvailable();

    ConnectlyHealthCheckTest() throws Exception {
    }

    @AfterEach
    void stopConnectly() {
        connectly.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String common = "&apiKey=RAW(" + API_KEY + ")&businessId=biz-1&retryMaxAttempts=1&recipient=%2B16045550123";
                from("direct:send").to("connectly:sendMessage?baseUrl=" + connectly.baseUrl() + common);
                from("direct:unreachable").to("connectly:sendMessage?baseUrl=http://127.0.0.1:" + closedPort + common);
                from("connectly:webhook?webhookPath=/health&webhookSecret=" + SECRET).routeId("webhookHealth")
                        .to("mock:health");
            }
        };
    }

    private HealthCheck producerCheck(String baseUrl) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        assertThat(repository).isNotNull();
        // producer checks are off by default in Camel (camel.health.producersEnabled)
        repository.setEnabled(true);
        ConnectlyEndpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e instanceof ConnectlyEndpoint c && baseUrl.equals(c.getConfiguration().getBaseUrl()))
                .map(ConnectlyEndpoint.class::cast).findFirst().orElseThrow();
        return repository.stream().filter(c -> c.getId().equals("producer:connectly-" + endpoint.getId())).findFirst()
                .orElseThrow();
    }

    @Test
    void producerIsDownWhileConnectlyRejectsTheKeyAndUpAgainAfterASuccess() {
        connectly.on("/send/messages",
                reply(401, "{\"code\":\"ERROR_CODE_UNAUTHENTICATED\",\"message\":\"bad key\",\"cntTraceId\":\"trace-7\"}"),
                reply(200, "{\"id\":\"m-1\"}"));
        HealthCheck check = producerCheck(connectly.baseUrl());
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

        assertThat(template.send("direct:send", e -> e.getMessage().setBody("hi")).getException()).isNotNull();

        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        Map<String, Object> details = down.getDetails();
        assertThat(details).containsEntry(AbstractHealthCheck.SERVICE_STATUS_CODE, 401)
                .containsEntry(AbstractHealthCheck.SERVICE_ERROR_CODE, "ERROR_CODE_UNAUTHENTICATED")
                .containsEntry("cntTraceId", "trace-7");
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("apiKey").doesNotContain(API_KEY));
        assertThat(details.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(API_KEY));
        assertThat(check.getId()).doesNotContain(API_KEY);

        assertThat(template.send("direct:send", e -> e.getMessage().setBody("hi")).getException()).isNull();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void producerIsDownAfterConsecutiveCallsCannotReachConnectly() {
        HealthCheck check = producerCheck("http://127.0.0.1:" + closedPort);
        for (int i = 1; i < ConnectlyProducerHealthCheck.UNREACHABLE_THRESHOLD; i++) {
            assertThat(template.send("direct:unreachable", e -> e.getMessage().setBody("hi")).getException()).isNotNull();
            assertThat(check.call().getState()).as("after %d failed call(s)", i).isEqualTo(HealthCheck.State.UP);
        }
        assertThat(template.send("direct:unreachable", e -> e.getMessage().setBody("hi")).getException()).isNotNull();

        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutiveUnreachable", ConnectlyProducerHealthCheck.UNREACHABLE_THRESHOLD)
                .containsKey(AbstractHealthCheck.SERVICE_ERROR_CODE)
                .doesNotContainKey(AbstractHealthCheck.SERVICE_STATUS_CODE);
    }

    @Test
    void consumerIsUpWhileServingWithItsCountersAndDownWhenStopped() throws Exception {
        HealthCheck check = ((HealthCheckAware) context.getRoute("webhookHealth").getConsumer()).getHealthCheck();
        assertThat(check).isInstanceOf(ConnectlyConsumerHealthCheck.class);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

        getMockEndpoint("mock:health").expectedMessageCount(1);
        assertThat(post("/health", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        getMockEndpoint("mock:health").assertIsSatisfied();

        HealthCheck.Result up = check.call();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("received", 1L).containsEntry("verified", 1L)
                .containsEntry("processed", 1L).containsEntry("rejected", 0L).containsEntry("webhookPath", "/health");
        context.getRouteController().stopRoute("webhookHealth");
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);
    }
}
