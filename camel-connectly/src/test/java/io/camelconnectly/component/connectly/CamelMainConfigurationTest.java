package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;


import io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository;
import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import io.camelconnectly.component.connectly.window.JdbcConversationWindowRepository;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration the Camel Main way, from an application.properties file: the component-level options
 * {@code camel.component.connectly.api-key / business-id / base-url} as the README documents them, and the README's
 * HTTPS setup of the consumer ({@code camel.server.*} + {@code camel.ssl.*}, camel-platform-http-main) with a key store
 * made by keytool at test time; the README's JDBC setup of the conversation windows ({@code camel.beans.*}).
 */
class CamelMainConfigurationTest {

    private static final String PASSWORD = "test-only-password";

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(ConnectlySimulator.builder().apiKey("sim-key-main-9d2f"));

    @TempDir
    Path dir;

    private Main main;

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    private Main startMain(String applicationProperties, RouteBuilder routes) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, applicationProperties, StandardCharsets.UTF_8);
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + file.toAbsolutePath());
        main.configure().addRoutesBuilder(routes);
        main.start();
        return main;
    }

    @Test
    void componentOptionsFromPropertiesReachConnectly() throws Exception {
        String customer = "+16045550188";
        sim.customer(customer).sendsText("Hi!");
        String applicationProperties = """
                camel.main.name = connectly-main-test
                camel.component.connectly.api-key = %s
                camel.component.connectly.business-id = %s
                camel.component.connectly.base-url = %s
                """.formatted(sim.apiKey(), sim.businessId(), sim.baseUrl());
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("connectly:sendMessage");
            }
        };
        StandardErrorCapture log = StandardErrorCapture.start();
        try {
            startMain(applicationProperties, routes);
        } finally {
            log.close();
        }
        // Camel Main lists the properties it applied: the key masked (secret on the component)
        assertThat(log.text()).contains("camel.component.connectly.apiKey = xxxxxx").doesNotContain(sim.apiKey());

        ConnectlyComponent component = main.getCamelContext().getComponent("connectly", ConnectlyComponent.class);
        assertThat(component.getConfiguration().getBusinessId()).isEqualTo(sim.businessId());
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(sim.baseUrl());

        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        Exchange sent = template.send("direct:send", exchange -> {
            exchange.getMessage().setBody("Configured by Camel Main");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
        });

        assertThat(sent.getException()).isNull();
        List<ChatMessage> outbound = sim.get().conversation(customer).stream().filter(ChatMessage::outbound).toList();
        assertThat(outbound).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Configured by Camel Main");
            assertThat(message.id()).isEqualTo(sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID));
        });
        // (the simulator answers 401 unless the request carries its api key: the configured api-key was used)
    }

    @Test
    void theReadmeHttpsSetupServesTheWebhookOverTls() throws Exception {
        Path keyStore = TestKeyStores.selfSignedLocalhost(dir.resolve("localhost.p12"), PASSWORD);
        int port = AvailablePortFinder.getNextAvailable();
        List<String> eventTypes = new CopyOnWriteArrayList<>();
        // the README's keys, plus camel.server.host to stay on loopback
        startMain("""
                camel.server.enabled=true
                camel.server.host=127.0.0.1
                camel.server.port=%d
                camel.server.maxBodySize=1048576
                camel.server.useGlobalSslContextParameters=true
                camel.ssl.enabled=true
                camel.ssl.keyStore=file:%s
                camel.ssl.keyStoreType=PKCS12
                camel.ssl.keystorePassword=%s
                """.formatted(port, keyStore.toAbsolutePath(), PASSWORD), new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("connectly:webhook?webhookSecret=" + SECRET)
                                .process(exchange -> eventTypes.add(
                                        exchange.getMessage().getHeader(ConnectlyConstants.EVENT_TYPE, String.class)));
                    }
                });

        HttpClient client = HttpClient.newBuilder().sslContext(TestKeyStores.trusting(keyStore, PASSWORD)).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/connectly/webhook"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .header(WebhookSignatureVerifier.SIGNATURE_HEADER, VECTOR_1_SIGNATURE)
                        .POST(HttpRequest.BodyPublishers.ofString(COMPACT_INBOUND_TEXT)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).isPresent();
        assertThat(response.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(eventTypes).containsExactly("text");

        // and plain HTTP is not served on that port
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest plainPost = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectly/webhook"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(COMPACT_INBOUND_TEXT)).build();
        assertThat(sendQuietly(plain, plainPost)).isNotEqualTo(200);
        assertThat(eventTypes).hasSize(1);
    }

    @Test
    void theReadmeSeveralInstancesSetupWithCamelMainBeans() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        // README "Running several instances": the leased repository as a Camel Main bean on a DataSource bean
        startMain("""
                camel.server.enabled=true
                camel.server.host=127.0.0.1
                camel.server.port=%d
                camel.server.maxBodySize=1048576
                camel.beans.myDataSource=#class:org.h2.jdbcx.JdbcDataSource
                camel.beans.myDataSource.url=jdbc:h2:mem:main-dedupe;DB_CLOSE_DELAY=-1
                camel.beans.dedupe=#class:io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository
                camel.beans.dedupe.dataSource=#myDataSource
                """.formatted(port), new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("connectly:webhook?idempotentRepository=#dedupe&webhookSecret=" + SECRET).to("log:events");
                    }
                });

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectly/webhook"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header(WebhookSignatureVerifier.SIGNATURE_HEADER, VECTOR_1_SIGNATURE)
                .POST(HttpRequest.BodyPublishers.ofString(COMPACT_INBOUND_TEXT)).build();

        assertThat(client.send(post, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(client.send(post, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"status\":\"duplicate\"}");
        JdbcLeasedIdempotentRepository dedupe
                = main.getCamelContext().getRegistry().lookupByNameAndType("dedupe", JdbcLeasedIdempotentRepository.class);
        assertThat(dedupe.isStarted()).isTrue();
        assertThat(dedupe.getHeldLeases()).isZero();
    }

    private static int sendQuietly(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void theReadmeJdbcSetupGivesTheComponentItsConversationWindowRepository() throws Exception {
        try (Connection connection = EmbeddedPostgresForTests.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + JdbcConversationWindowRepository.DEFAULT_TABLE_NAME);
        }
        // the README's properties, only pointed at the embedded PostgreSQL
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("JDBC with Camel Main (`application.properties`)"));
        int start = section.indexOf("```properties\n") + "```properties\n".length();
        String windowProperties = section.substring(start, section.indexOf("```", start))
                .replace("localhost:5432/app", "localhost:" + EmbeddedPostgresForTests.port() + "/postgres")
                .replace("windowDataSource.user = app", "windowDataSource.user = postgres");
        startMain(windowProperties + """
                camel.component.connectly.api-key = %s
                camel.component.connectly.business-id = %s
                camel.component.connectly.base-url = %s
                """.formatted(sim.apiKey(), sim.businessId(), sim.baseUrl()), new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:reply").to("connectly:sendMessage?fallbackTemplateName=welcome");
                    }
                });

        ConnectlyComponent component = main.getCamelContext().getComponent("connectly", ConnectlyComponent.class);
        assertThat(component.getConversationWindowRepository()).isInstanceOf(JdbcConversationWindowRepository.class);
        Exchange sent = main.getCamelContext().createProducerTemplate().send("direct:reply", exchange -> {
            exchange.getMessage().setBody("Hello again");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, "+16045550401");
        });
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        // the repository created its table in the configured database
        try (Connection connection = EmbeddedPostgresForTests.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + JdbcConversationWindowRepository.DEFAULT_TABLE_NAME).close();
        }
    }
}
