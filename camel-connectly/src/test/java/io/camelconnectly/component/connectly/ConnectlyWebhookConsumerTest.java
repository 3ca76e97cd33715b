package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageType;
import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.NEGATIVE_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_2_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_3_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectlyWebhookConsumerTest extends WebhookHttpTestSupport {

    private static final String PATH = "/connectly/webhook";
    private static final String ROTATION_PATH = "/rotating";
    private static final String SMALL_PATH = "/small";
    private static final String FILTERED_PATH = "/statuses-only";
    private static final String FLAKY_PATH = "/flaky";
    private static final String SLOW_PATH = "/slow";

    private final AtomicInteger flakyAttempts = new AtomicInteger();
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final CountDownLatch slowEntered = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret=" + SECRET).routeId("webhook").to("mock:events");
                from("connectly:webhook?webhookPath=" + ROTATION_PATH + "&webhookSecret=whsec_next_1," + SECRET)
                        .to("mock:rotation");
                from("connectly:webhook?webhookPath=" + SMALL_PATH + "&maxBodySize=100&webhookSecret=" + SECRET)
                        .to("mock:small");
                from("connectly:webhook?webhookPath=" + FILTERED_PATH + "&topics=delivery_status&webhookSecret=" + SECRET)
                        .to("mock:filtered");
                from("connectly:webhook?webhookPath=" + FLAKY_PATH + "&webhookSecret=" + SECRET)
                        .process(exchange -> {
                            if (flakyAttempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                        })
                        .to("mock:flaky");
                from("connectly:webhook?webhookPath=" + SLOW_PATH + "&webhookSecret=" + SECRET)
                        .process(exchange -> {
                            slowEntered.countDown();
                            slowRelease.await(20, TimeUnit.SECONDS);
                        })
                        .to("mock:slow");
            }
        };
    }

    private ConnectlyEndpoint endpoint(String routeId) {
        return (ConnectlyEndpoint) context.getRoute(routeId).getEndpoint();
    }

    private ConnectlyEndpoint endpointOnPath(String path) {
        return context.getEndpoints().stream()
                .filter(e -> e instanceof ConnectlyEndpoint)
                .map(e -> (ConnectlyEndpoint) e)
                .filter(e -> path.equals(e.getConfiguration().getWebhookPath()))
                .findFirst().orElseThrow();
    }

    @Test
    void routesTheThreeSignedFixturesWithTypedBodiesAndHeaders() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(3);

        HttpResponse<String> compact = post(PATH, utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);
        HttpResponse<String> pretty = post(PATH, bytes("webhook-inbound-text.json"), VECTOR_2_SIGNATURE);
        HttpResponse<String> delivered = post(PATH, bytes("webhook-delivery-delivered.json"), VECTOR_3_SIGNATURE);

        assertThat(compact.statusCode()).isEqualTo(200);
        assertThat(compact.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(compact.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(pretty.statusCode()).isEqualTo(200);
        assertThat(delivered.statusCode()).isEqualTo(200);
        events.assertIsSatisfied();

        Message text = events.getReceivedExchanges().get(0).getMessage();
        InboundMessageEvent inbound = text.getBody(InboundMessageEvent.class);
        assertThat(inbound.getType()).isEqualTo(InboundMessageType.TEXT);
        assertThat(inbound.getText()).isEqualTo("Where is my order?");
        assertThat(text.getHeader(ConnectlyConstants.TOPIC)).isEqualTo("messages");
        assertThat(text.getHeader(ConnectlyConstants.EVENT_TYPE)).isEqualTo("text");
        assertThat(text.getHeader(ConnectlyConstants.CUSTOMER_NUMBER)).isEqualTo("+16045550123");
        assertThat(text.getHeader(ConnectlyConstants.BUSINESS_NUMBER)).isEqualTo("+14155550100");
        assertThat(text.getHeader(ConnectlyConstants.RECIPIENT)).isEqualTo("+16045550123");
        assertThat(text.getHeader(ConnectlyConstants.TIMESTAMP)).isEqualTo(Instant.ofEpochSecond(1717430400L));
        assertThat(text.getHeader(ConnectlyConstants.RAW_BODY)).isEqualTo(COMPACT_INBOUND_TEXT);
        assertThat(text.getHeader(ConnectlyConstants.MESSAGE_ID)).isNull();
        assertThat(text.getHeader(ConnectlyConstants.CALLBACK_DATA)).isNull();
        // the route sees our headers, not the HTTP request's
        assertThat(text.getHeader(WebhookSignatureVerifier.SIGNATURE_HEADER)).isNull();
        assertThat(text.getHeader("User-Agent")).isNull();

        Message status = events.getReceivedExchanges().get(2).getMessage();
        DeliveryStatusEvent delivery = status.getBody(DeliveryStatusEvent.class);
        assertThat(delivery.getStatusUpdateId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(status.getHeader(ConnectlyConstants.TOPIC)).isEqualTo("delivery_status");
        assertThat(status.getHeader(ConnectlyConstants.EVENT_TYPE)).isEqualTo("delivered");
        assertThat(status.getHeader(ConnectlyConstants.STATUS_UPDATE_ID)).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(status.getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(status.getHeader(ConnectlyConstants.CALLBACK_DATA)).isEqualTo(Map.of("orderId", "A-1001"));
        assertThat(status.getHeader(ConnectlyConstants.CUSTOMER_NUMBER)).isEqualTo("+16045550123");
        assertThat(status.getHeader(ConnectlyConstants.BUSINESS_NUMBER)).isEqualTo("+14155550100");
        // no reply path on delivery statuses
        assertThat(status.getHeader(ConnectlyConstants.RECIPIENT)).isNull();
        assertThat(status.getHeader(ConnectlyConstants.RAW_BODY, String.class))
                .isEqualTo(new String(bytes("webhook-delivery-delivered.json"), java.nio.charset.StandardCharsets.UTF_8));

        ConnectlyEndpoint endpoint = endpoint("webhook");
        assertThat(endpoint.getWebhooksReceived()).isEqualTo(3);
        assertThat(endpoint.getWebhooksVerified()).isEqualTo(3);
        assertThat(endpoint.getWebhooksProcessed()).isEqualTo(3);
        assertThat(endpoint.getWebhooksRejected()).isZero();
    }

    @Test
    void routesEachTypedEventWithItsEventTypeAndMessageId() throws Exception {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("button_reply", new String(bytes("webhook-inbound-button-reply.json"), java.nio.charset.StandardCharsets.UTF_8));
        bodies.put("delivery_failed", new String(bytes("webhook-delivery-failed.json"), java.nio.charset.StandardCharsets.UTF_8));
        bodies.put("list_reply", inbound("\"context\":{\"replyToId\":\"out-7\"},\"listResponse\":{\"id\":\"row-2\",\"title\":\"Tomorrow\"}"));
        bodies.put("reaction", inbound("\"context\":{\"replyToId\":\"out-8\"},\"message\":{\"reaction\":{\"emoji\":\"\uD83D\uDC4D\"}}"));
        bodies.put("media", inbound("\"message\":{\"attachments\":[{\"type\":\"image\",\"url\":\"https://cdn.example/p.jpg\"}]}"));
        bodies.put("location", inbound("\"message\":{\"location\":{\"latitude\":1.5,\"longitude\":2.5}}"));
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(bodies.size());

        for (String body : bodies.values()) {
            assertThat(post(PATH, utf8(body), sign(utf8(body))).statusCode()).isEqualTo(200);
        }
        events.assertIsSatisfied();

        List<Exchange> received = events.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(ConnectlyConstants.EVENT_TYPE))
                .containsExactlyElementsOf(bodies.keySet());
        Message button = received.get(0).getMessage();
        assertThat(button.getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(button.getHeader(ConnectlyConstants.CALLBACK_DATA)).isEqualTo(Map.of("orderId", "A-1001"));
        assertThat(button.getBody(InboundMessageEvent.class).getButtonResponse().payload()).isEqualTo("track");
        DeliveryStatusEvent failed = received.get(1).getMessage().getBody(DeliveryStatusEvent.class);
        assertThat(failed.getError().getCode()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
        assertThat(received.get(2).getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo("out-7");
        assertThat(received.get(3).getMessage().getBody(InboundMessageEvent.class).getReaction().emoji())
                .isEqualTo("\uD83D\uDC4D");
        assertThat(received.get(4).getMessage().getBody(InboundMessageEvent.class).getAttachments()).hasSize(1);
        assertThat(received.get(5).getMessage().getBody(ConnectlyWebhookEvent.class))
                .isInstanceOf(InboundMessageEvent.class);
    }

    private static String inbound(String members) {
        return "{\"timestamp\":\"1717430500\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},"
               + "\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\"}," + members + "}";
    }

    @Test
    void refusesBadSignaturesWith401AndRoutesNothing() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        byte[] body = utf8(COMPACT_INBOUND_TEXT);
        byte[] tampered = utf8(COMPACT_INBOUND_TEXT.replace("Where is my order?", "Where is my order!"));

        HttpResponse<String> wrongSecret = post(PATH, body, NEGATIVE_SIGNATURE);
        HttpResponse<String> tamperedBody = post(PATH, tampered, VECTOR_1_SIGNATURE);
        HttpResponse<String> missing = post(PATH, body, null);
        // the pretty fixture re-serialised compactly (as a framework would) keeps the original signature
        HttpResponse<String> reserialised = post(PATH, utf8(COMPACT_INBOUND_TEXT), VECTOR_2_SIGNATURE);
        HttpResponse<String> garbage = post(PATH, body, "definitely-not-base64");

        for (HttpResponse<String> response : List.of(wrongSecret, tamperedBody, missing, reserialised, garbage)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"signature\"}");
            // request headers are never echoed
            assertThat(response.headers().firstValue(WebhookSignatureVerifier.SIGNATURE_HEADER)).isEmpty();
            assertThat(response.headers().firstValue("User-Agent")).isEmpty();
        }
        events.assertIsSatisfied(200);
        ConnectlyEndpoint endpoint = endpoint("webhook");
        assertThat(endpoint.getWebhooksRejectedSignature()).isEqualTo(5);
        assertThat(endpoint.getWebhooksVerified()).isZero();
    }

    @Test
    void acceptsBothSecretsDuringARotation() throws Exception {
        MockEndpoint rotation = getMockEndpoint("mock:rotation");
        rotation.expectedMessageCount(2);
        byte[] oldSigned = utf8(COMPACT_INBOUND_TEXT);
        byte[] newSigned = bytes("webhook-inbound-button-reply.json");

        assertThat(post(ROTATION_PATH, oldSigned, VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        assertThat(post(ROTATION_PATH, newSigned, WebhookSignatureVerifier.sign(newSigned, "whsec_next_1")).statusCode())
                .isEqualTo(200);
        assertThat(post(ROTATION_PATH, oldSigned, NEGATIVE_SIGNATURE).statusCode()).isEqualTo(401);
        rotation.assertIsSatisfied();
    }

    @Test
    void answers405ToOtherMethods() throws Exception {
        for (String method : new String[] { "GET", "PUT", "DELETE" }) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + PATH))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
        assertThat(endpoint("webhook").getWebhooksRejectedMethod()).isEqualTo(3);
    }

    @Test
    void answers413AboveMaxBodySizeBeforeCheckingTheSignature() throws Exception {
        MockEndpoint small = getMockEndpoint("mock:small");
        small.expectedMessageCount(0);
        byte[] body = utf8(COMPACT_INBOUND_TEXT);

        HttpResponse<String> response = post(SMALL_PATH, body, VECTOR_1_SIGNATURE);

        assertThat(response.statusCode()).isEqualTo(413);
        small.assertIsSatisfied(100);
        ConnectlyEndpoint endpoint = endpointOnPath(SMALL_PATH);
        assertThat(endpoint.getWebhooksRejectedTooLarge()).isEqualTo(1);
        assertThat(endpoint.getWebhooksRejectedSignature()).isZero();
    }

    @Test
    void answers400ToVerifiedBodiesThatAreNotJson() throws Exception {
        byte[] body = utf8("{\"timestamp\":\"1717430400\", oops");
        HttpResponse<String> response = post(PATH, body, sign(body));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"malformed\"}");
        assertThat(endpoint("webhook").getWebhooksRejectedMalformed()).isEqualTo(1);
        assertThat(endpoint("webhook").getWebhooksVerified()).isEqualTo(1);
    }

    @Test
    void verifiesWhateverTheContentTypeExceptFormsTheServerParses() throws Exception {
        byte[] body = utf8(COMPACT_INBOUND_TEXT);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        HttpResponse<String> json = postAsync(PATH, body, VECTOR_1_SIGNATURE, "application/json").get();
        HttpResponse<String> form = postAsync(PATH, body, VECTOR_1_SIGNATURE, "application/x-www-form-urlencoded").get();
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(form.statusCode()).isEqualTo(415);
        events.assertIsSatisfied();
        assertThat(endpoint("webhook").getWebhooksRejectedUnsupportedMediaType()).isEqualTo(1);
    }

    @Test
    void processesADuplicateDeliveryOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        byte[] status = bytes("webhook-delivery-delivered.json");
        byte[] text = utf8(COMPACT_INBOUND_TEXT);

        for (int i = 0; i < 3; i++) {
            assertThat(post(PATH, status, VECTOR_3_SIGNATURE).statusCode()).isEqualTo(200);
            HttpResponse<String> response = post(PATH, text, VECTOR_1_SIGNATURE);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(i == 0 ? "{\"status\":\"processed\"}" : "{\"status\":\"duplicate\"}");
        }
        // the next status of the same message is a new event
        byte[] read = utf8(new String(status, java.nio.charset.StandardCharsets.UTF_8).replace("\"delivered\"", "\"read\""));
        events.expectedMessageCount(3);
        assertThat(post(PATH, read, sign(read)).statusCode()).isEqualTo(200);

        events.assertIsSatisfied();
        ConnectlyEndpoint endpoint = endpoint("webhook");
        assertThat(endpoint.getWebhooksDuplicates()).isEqualTo(4);
        assertThat(endpoint.getWebhooksProcessed()).isEqualTo(3);
    }

    @Test
    void answers500WhenTheRouteFailsAndProcessesTheRedeliveryOnce() throws Exception {
        MockEndpoint flaky = getMockEndpoint("mock:flaky");
        flaky.expectedMessageCount(1);
        byte[] body = bytes("webhook-delivery-delivered.json");

        HttpResponse<String> first = post(FLAKY_PATH, body, VECTOR_3_SIGNATURE);
        HttpResponse<String> redelivery = post(FLAKY_PATH, body, VECTOR_3_SIGNATURE);
        HttpResponse<String> duplicate = post(FLAKY_PATH, body, VECTOR_3_SIGNATURE);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("downstream unavailable").doesNotContain("Exception");
        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).isEqualTo("{\"status\":\"duplicate\"}");
        flaky.assertIsSatisfied();
        assertThat(flakyAttempts).hasValue(2);
        ConnectlyEndpoint endpoint = endpointOnPath(FLAKY_PATH);
        assertThat(endpoint.getWebhooksRouteFailures()).isEqualTo(1);
        assertThat(endpoint.getWebhooksProcessed()).isEqualTo(1);
        assertThat(endpoint.getWebhooksDuplicates()).isEqualTo(1);
    }

    @Test
    void answers503ToARedeliveryWhileTheFirstIsStillRouted() throws Exception {
        MockEndpoint slow = getMockEndpoint("mock:slow");
        slow.expectedMessageCount(1);
        byte[] body = utf8(COMPACT_INBOUND_TEXT);

        CompletableFuture<HttpResponse<String>> first = postAsync(SLOW_PATH, body, VECTOR_1_SIGNATURE, "text/plain");
        assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> concurrent = post(SLOW_PATH, body, VECTOR_1_SIGNATURE);
        assertThat(concurrent.statusCode()).isEqualTo(503);
        assertThat(concurrent.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(first).isNotDone();

        slowRelease.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(post(SLOW_PATH, body, VECTOR_1_SIGNATURE).body()).isEqualTo("{\"status\":\"duplicate\"}");
        slow.assertIsSatisfied();
        assertThat(endpointOnPath(SLOW_PATH).getWebhooksInFlightDuplicates()).isEqualTo(1);
    }

    @Test
    void acknowledgesButDoesNotRouteTopicsThatAreFilteredOut() throws Exception {
        MockEndpoint filtered = getMockEndpoint("mock:filtered");
        filtered.expectedMessageCount(1);
        filtered.expectedHeaderReceived(ConnectlyConstants.EVENT_TYPE, "delivered");

        HttpResponse<String> message = post(FILTERED_PATH, utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);
        HttpResponse<String> status = post(FILTERED_PATH, bytes("webhook-delivery-delivered.json"), VECTOR_3_SIGNATURE);

        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).isEqualTo("{\"status\":\"filtered\"}");
        assertThat(status.statusCode()).isEqualTo(200);
        filtered.assertIsSatisfied();
        assertThat(endpointOnPath(FILTERED_PATH).getWebhooksFiltered()).isEqualTo(1);
    }

    @Test
    void answers503WhileTheRouteIsSuspended() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        byte[] body = utf8(COMPACT_INBOUND_TEXT);

        context.getRouteController().suspendRoute("webhook");
        assertThat(post(PATH, body, VECTOR_1_SIGNATURE).statusCode()).isEqualTo(503);
        context.getRouteController().resumeRoute("webhook");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> post(PATH, body, VECTOR_1_SIGNATURE).statusCode() == 200);

        events.assertIsSatisfied();
        assertThat(endpoint("webhook").getWebhooksProcessed()).isEqualTo(1);
    }
}
