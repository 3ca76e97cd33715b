package io.camelconnectly.component.connectly.springboot;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.WebhookDelivery;
import io.camelconnectly.simulator.WebhookSigner;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter in a Spring Boot application on its real web server (Tomcat, random port): configured by README's
 * application.properties block as it is written, with the three credentials from environment variables (set by
 * surefire for this module) and the simulator's base URL. One application context for every test here (nested classes
 * inherit it), so Spring Boot starts once.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "server.address=127.0.0.1",
                        // the servlet container decodes every request as UTF-8, whatever its Content-Type says
                        "server.servlet.encoding.force=true",
                        "management.endpoint.health.show-details=always",
                        "camel.health.producers-enabled=true",
                        "camel.health.exposure-level=full",
                        "camel.component.connectly.idempotent-repository=#bean:webhookEventsSeen",
                        "camel.component.connectly.retry-max-attempts=3",
                        "camel.component.connectly.template-cache-ttl=5000",
                        "camel.component.connectly.max-connections=20"
                })
class ConnectlySpringBootTest {

    static final String API_KEY_VARIABLE = "CONNECTLY_API_KEY";

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .apiKey(requiredEnv(API_KEY_VARIABLE))
            .businessId(requiredEnv("CONNECTLY_BUSINESS_ID"))
            .webhookSecret(requiredEnv("CONNECTLY_WEBHOOK_SECRET"))
            .statusDelay(Duration.ofMillis(20))
            .webhookRetryDelay(Duration.ofMillis(100))
            .webhookTimeout(Duration.ofSeconds(10)) // a slow build machine must not turn an answer into a timeout
            .eventLoops(1));

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static volatile boolean webhooksRegistered;

    @DynamicPropertySource
    static void applicationProperties(DynamicPropertyRegistry registry) {
        // README's application.properties, verbatim: ${CONNECTLY_API_KEY} & co. resolve from the environment
        ReadmeSpringBootSection.read().properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("camel.component.connectly.base-url", SIM::baseUrl);
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set: surefire sets it for this "
                                            + "module (camel-connectly-starter/pom.xml); run the tests through Maven");
        }
        return value;
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate producer;
    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    /** Connectly posts customer messages to README's route and delivery statuses to the tests' statuses route. */
    @BeforeEach
    void registerWebhooksOnce() {
        if (!webhooksRegistered) {
            producer.requestBody("connectly:createWebhook", Map.of("topic", "messages", "address", url("/connectly/webhook")));
            producer.requestBody("connectly:createWebhook", Map.of("topic", "delivery_status", "address", url("/test/statuses")));
            webhooksRegistered = true;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static String uniqueCustomer() {
        return "+1604555" + String.format("%04d", 1000 + UNIQUE.incrementAndGet());
    }

    ConnectlyEndpoint webhookEndpoint(String routeId) {
        return (ConnectlyEndpoint) camelContext.getRoute(routeId).getEndpoint();
    }

    @Nested
    class PropertiesBind {

        @Test
        void theReadmePropertiesConfigureTheComponentWithTheApiKeyFromTheEnvironment() {
            assertThat(ReadmeSpringBootSection.read().properties())
                    .containsEntry("camel.component.connectly.api-key", "${" + API_KEY_VARIABLE + "}");

            ConnectlyConfiguration configuration = camelContext.getComponent("connectly", ConnectlyComponent.class)
                    .getConfiguration();
            assertThat(configuration.getApiKey()).isEqualTo(System.getenv(API_KEY_VARIABLE));
            assertThat(configuration.getBusinessId()).isEqualTo(System.getenv("CONNECTLY_BUSINESS_ID"));
            assertThat(configuration.getWebhookSecret()).isEqualTo(System.getenv("CONNECTLY_WEBHOOK_SECRET"));
            assertThat(configuration.getBaseUrl()).isEqualTo(SIM.baseUrl());
            assertThat(configuration.getRetryMaxAttempts()).isEqualTo(3);
            assertThat(configuration.getTemplateCacheTtl()).isEqualTo(5000L);
            assertThat(configuration.getMaxConnections()).isEqualTo(20);
            // an object option by bean reference, through the starter's converter
            assertThat(configuration.getIdempotentRepository())
                    .isSameAs(camelContext.getRegistry().lookupByNameAndType("webhookEventsSeen", IdempotentRepository.class));
            // and every endpoint starts from them
            ConnectlyConfiguration endpoint = webhookEndpoint("test-direct").getConfiguration();
            assertThat(endpoint.getApiKey()).isEqualTo(System.getenv(API_KEY_VARIABLE));
            assertThat(endpoint.getWebhookPath()).isEqualTo("/test/direct");
        }

        @Test
        void theSecretsStayOutOfEndpointUris() {
            for (org.apache.camel.Endpoint endpoint : camelContext.getEndpoints()) {
                if (endpoint instanceof ConnectlyEndpoint) {
                    assertThat(endpoint.getEndpointUri())
                            .doesNotContain(System.getenv(API_KEY_VARIABLE))
                            .doesNotContain(System.getenv("CONNECTLY_WEBHOOK_SECRET"));
                }
            }
        }
    }

    @Nested
    class ActuatorHealth {

        JsonNode camelHealth(int expectedStatus) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            return json.readTree(response.body()).path("components").path("camelHealth");
        }

        @Test
        void theHealthEndpointShowsTheConnectlyChecksAndAProducerWhoseKeyIsRefusedTurnsItDown() throws Exception {
            // camel.health.exposure-level=full: every check with its details, UP ones too
            JsonNode up = camelHealth(200).path("details");
            // a connectly:webhook route's consumer check carries the webhook counters
            assertThat(up.path("consumer:test-direct").asText()).isEqualTo("UP");
            assertThat(up.path("consumer:test-direct.data").path("webhookPath").asText()).isEqualTo("/test/direct");
            List<String> producerChecks = new ArrayList<>();
            up.fieldNames().forEachRemaining(id -> {
                if (id.startsWith("producer:connectly-") && !id.endsWith(".data")) {
                    producerChecks.add(id);
                }
            });
            assertThat(producerChecks).as(up.toString()).isNotEmpty()
                    .allSatisfy(id -> assertThat(up.path(id).asText()).isEqualTo("UP"));

            // Connectly refuses this producer's API key: its check goes DOWN, and with it the application's health
            String refused = "connectly:getQualitySignals?apiKey=not-the-key&retryMaxAttempts=1";
            assertThat(producer.send(refused, exchange -> { }).getException()).isNotNull();
            String id = "producer:connectly-" + camelContext.getEndpoint(refused, ConnectlyEndpoint.class).getId();

            JsonNode down = camelHealth(503);
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("details").path(id).asText()).isEqualTo("DOWN");
            assertThat(down.path("details").path(id + ".data").toString()).contains("401")
                    .doesNotContain("not-the-key");
        }
    }

    @Nested
    class WebhookOnSpringBootEngine {

        @EndpointInject("mock:direct")
        MockEndpoint direct;

        WebhookSigner signer = new WebhookSigner(System.getenv("CONNECTLY_WEBHOOK_SECRET"));

        byte[] inboundText(String customer, String text) {
            return ("{\"timestamp\":\"1639083206\",\"sender\":{\"id\":\"" + customer + "\",\"channelType\":\"whatsapp\","
                    + "\"name\":\"Zoë\"},\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\"},"
                    + "\"message\":{\"text\":\"" + text + "\"}}\n").getBytes(StandardCharsets.UTF_8);
        }

        HttpResponse<String> post(String path, byte[] body, String contentType, String signature) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (signature != null) {
                request.header(WebhookSigner.HEADER, signature);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        List<Message> routedWithText(String text) {
            return direct.getReceivedExchanges().stream().map(Exchange::getMessage)
                    .filter(m -> m.getBody() instanceof InboundMessageEvent in && text.equals(in.getText())).toList();
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/plain; charset=utf-8", "application/json", "application/json; charset=UTF-8", "",
                                "text/plain; charset=ISO-8859-1"})
        void theSignatureIsCheckedOverTheExactBytesReceived(String contentType) throws Exception {
            // non-ASCII text (2-, 3- and 4-byte UTF-8) and a trailing newline: a charset round trip or a line reader
            // would change the bytes and fail the signature, and so would a declared charset that is not the body's
            String text = "Olá! Ação naïve — ✓ 👍 #" + UNIQUE.incrementAndGet();
            byte[] body = inboundText(uniqueCustomer(), text);

            HttpResponse<String> response = post("/test/direct", body, contentType.isEmpty() ? null : contentType,
                    signer.sign(body));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"processed\"}");
            List<Message> routed = routedWithText(text);
            assertThat(routed).hasSize(1);
            assertThat(routed.get(0).getHeader(ConnectlyConstants.RAW_BODY, String.class).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(body);
        }

        @Test
        void aWrongOrMissingSignatureIsAnswered401AndNotRouted() throws Exception {
            String text = "forged #" + UNIQUE.incrementAndGet();
            byte[] body = inboundText(uniqueCustomer(), text);

            HttpResponse<String> wrong = post("/test/direct", body, "text/plain; charset=utf-8",
                    new WebhookSigner("whsec_not_the_one").sign(body));
            HttpResponse<String> missing = post("/test/direct", body, "text/plain; charset=utf-8", null);

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo("{\"error\":\"signature\"}");
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(routedWithText(text)).isEmpty();
        }

        @Test
        void aSignedBodyThatIsNotJsonIsAnswered400() throws Exception {
            byte[] body = "not json at all\n".getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = post("/test/direct", body, "text/plain", signer.sign(body));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"malformed\"}");
        }

        @Test
        void otherMethodsAreAnswered405WithAllowPost() throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/test/direct"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }

        @Test
        void aRedeliveredEventIsAnsweredDuplicateAndRoutedOnce() throws Exception {
            String text = "twice #" + UNIQUE.incrementAndGet();
            byte[] body = inboundText(uniqueCustomer(), text);

            HttpResponse<String> first = post("/test/direct", body, "text/plain; charset=utf-8", signer.sign(body));
            HttpResponse<String> again = post("/test/direct", body, "text/plain; charset=utf-8", signer.sign(body));

            assertThat(first.body()).isEqualTo("{\"status\":\"processed\"}");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\"}");
            assertThat(routedWithText(text)).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/test/small", "/test/small;jsessionid=0A1B", "/test/%73mall"})
        void aContentLengthAboveMaxBodySizeIsAnswered413BeforeTheBodyIsRead(String path) throws Exception {
            long before = webhookEndpoint("test-small").getWebhooksRejectedTooLarge();

            // announces 2 MB and sends none of it: only an answer that does not wait for the body can arrive. Spring
            // MVC routes a path parameter or a percent-encoded letter to the same consumer: so must the limit.
            String answer = rawPost(path, "Content-Length: 2000000\r\n", new byte[0]);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("{\"error\":\"too_large\"}");
            assertThat(webhookEndpoint("test-small").getWebhooksRejectedTooLarge()).isEqualTo(before + 1);
        }

        @Test
        void aChunkedBodyIsRefused413AsSoonAsItPassesMaxBodySizeWithoutReadingTheRest() throws Exception {
            long before = webhookEndpoint("test-small").getWebhooksRejectedTooLarge();
            // 72 KiB of a chunked body to a 64 KiB endpoint, and the body never ends: an engine or consumer that reads
            // the whole body first would wait for the rest forever (here: until the socket timeout fails the test)
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 9; i++) {
                chunks.write("2000\r\n".getBytes(StandardCharsets.US_ASCII));
                chunks.write(chunk);
                chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }

            String answer = rawPost("/test/small", "Transfer-Encoding: chunked\r\n", chunks.toByteArray());

            assertThat(answer).startsWith("HTTP/1.1 413").contains("{\"error\":\"too_large\"}");
            assertThat(webhookEndpoint("test-small").getWebhooksRejectedTooLarge()).isEqualTo(before + 1);
        }

        @Test
        void aChunkedBodyWithinMaxBodySizeIsVerifiedAndRouted() throws Exception {
            String text = "chunked #" + UNIQUE.incrementAndGet();
            byte[] body = inboundText(uniqueCustomer(), text);
            // a publisher of unknown length: the JDK client sends Transfer-Encoding: chunked
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("/test/small"))).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "text/plain; charset=utf-8").header(WebhookSigner.HEADER, signer.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"processed\"}");
        }

        /** A POST over a plain socket with the given extra headers and raw body bytes: the answer's head and body. */
        String rawPost(String path, String headers, byte[] body) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                           + "Content-Type: text/plain; charset=utf-8\r\n" + headers + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder answer = new StringBuilder();
                int contentLength = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    answer.append(line).append('\n');
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                char[] content = new char[contentLength];
                int read = 0;
                while (read < contentLength) {
                    int n = in.read(content, read, contentLength - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                return answer.append('\n').append(content, 0, read).toString();
            }
        }
    }

    /** README's route and the tests' statuses route against the simulator, both ways. */
    @Nested
    class EndToEndWithTheSimulator {

        @EndpointInject("mock:statuses")
        MockEndpoint statuses;

        List<String> statusesOf(String messageId) {
            return statuses.getReceivedExchanges().stream().map(Exchange::getMessage)
                    .filter(m -> messageId.equals(m.getHeader(ConnectlyConstants.STATUS_UPDATE_ID)))
                    .map(m -> m.getHeader(ConnectlyConstants.EVENT_TYPE, String.class)).toList();
        }

        @Test
        void aTemplateGoesOutItsStatusesComeBackOnceDespiteARouteFailureAndAReplyIsAnswered() {
            String customer = uniqueCustomer();
            StarterTestApplication.FAIL_FIRST_DELIVERED.add(customer);

            // README: producerTemplate.sendBodyAndHeader("direct:welcome", null, ConnectlyConstants.RECIPIENT, ...)
            Exchange sent = producer.request("direct:welcome",
                    e -> e.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer));
            assertThat(sent.getException()).isNull();
            String id = sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
            assertThat(id).isNotBlank();

            // sent, delivered, read: each routed once, although the first "delivered" failed in the route
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertThat(statusesOf(id)).containsExactlyInAnyOrder("sent", "delivered", "read"));
            // the simulator records an attempt once it has read the answer
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(SIM.get().webhookDeliveries())
                    .filteredOn(d -> "delivery_status".equals(d.topic()) && d.body().contains(id)
                                     && d.body().contains("\"delivered\""))
                    .extracting(WebhookDelivery::status).containsExactly(500, 200));

            // the customer answers; README's route thanks them through connectly:sendMessage
            SIM.get().customer(customer).named("Ana").sendsText("Is it on its way?");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(SIM.get().conversation(customer))
                    .filteredOn(ChatMessage::outbound).extracting(ChatMessage::text)
                    .contains("Thanks! We got your text message."));
        }
    }

    @Nested
    class Readme {

        @Test
        void theReadmeRouteClassIsTheOneTheseTestsRun() throws IOException {
            String source = Files.readString(
                    Path.of("src/test/java/io/camelconnectly/component/connectly/springboot/WhatsAppRoutes.java"));
            String withoutPackage = source.substring(source.indexOf('\n') + 1).stripLeading();

            assertThat(ReadmeSpringBootSection.read().block("java")).isEqualTo(withoutPackage);
        }

        @Test
        void theReadmeDependencyIsThisStarter() {
            assertThat(ReadmeSpringBootSection.read().block("xml"))
                    .contains("<groupId>io.camelconnectly</groupId>")
                    .contains("<artifactId>camel-connectly-starter</artifactId>");
        }

        @Test
        void theReadmeNeedsExactlyTheThreeCredentials() {
            assertThat(ReadmeSpringBootSection.read().properties()).containsOnlyKeys(
                    "camel.component.connectly.api-key", "camel.component.connectly.business-id",
                    "camel.component.connectly.webhook-secret");
        }
    }
}
