package io.camelconnectly.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.WebhookDelivery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the example on one database and one mailbox (as when it is scaled out): instance A with the
 * embedded simulator, GreenMail and CRM, instance B pointed at them as at real ones. Each new order and each mail is
 * sent to WhatsApp exactly once, whichever instance takes it; a webhook event processed by A and redelivered to B is
 * not processed again (the leased dedupe table); what A's webhook consumer learnt of a customer's 24-hour window B
 * reads. On H2 and on a real PostgreSQL.
 */
class TwoInstancesTest {

    static final int ORDERS = 20;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path campaignsA;
    @TempDir
    Path campaignsB;

    @Test
    void onH2EachOrderAndEachMailIsSentOnce() throws Exception {
        shareOneDatabase("jdbc:h2:mem:two-instances-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void onPostgreSqlEachOrderAndEachMailIsSentOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            shareOneDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        }
    }

    private void shareOneDatabase(String url, String user, String password) throws Exception {
        Map<String, String> database = Map.of("example.db.url", url, "example.db.username", user,
                "example.db.password", password);
        Map<String, String> settingsA = new HashMap<>(database);
        settingsA.put("example.instance-id", "a");
        try (RunningExample a = RunningExample.start(campaignsA, settingsA)) {
            ConnectlySimulator sim = a.simulator();
            GreenMail mailbox = a.greenMail();
            Map<String, String> settingsB = new HashMap<>(database);
            settingsB.putAll(Map.of(
                    "camel.main.name", "connectly-example-b",
                    "example.instance-id", "b",
                    // B talks to A's simulator as to the real Connectly, and to A's mailbox and CRM as to real ones
                    "connectly.api-key", sim.apiKey(),
                    "connectly.business-id", sim.businessId(),
                    "connectly.webhook.secret", sim.webhookSecret(),
                    "connectly.base-url", sim.baseUrl(),
                    "example.mail.embedded", "false",
                    "example.mail.smtp-port", String.valueOf(mailbox.getSmtp().getPort()),
                    "example.mail.imap-port", String.valueOf(mailbox.getImap().getPort()),
                    "example.crm.embedded", "false"));
            settingsB.put("example.crm.base-url", a.crm().baseUrl());
            try (RunningExample b = RunningExample.start(campaignsB, settingsB)) {
                assertThat(b.context().getRegistry().lookupByName("connectlySimulator")).as("live mode runs no simulator").isNull();
                insertOrders(a.dataSource());
                String mailCustomer = "+16045550299";
                sim.customer(mailCustomer).sendsText("hi");
                GreenMailUtil.sendTextEmail("whatsapp@example.local", "ops@shop.example", mailCustomer + " Delivery slot",
                        "Tomorrow 9-11.", mailbox.getSmtp().getServerSetup());

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(count(a.dataSource(), "SELECT COUNT(*) FROM orders WHERE status = 'SENT'")).isEqualTo(ORDERS);
                    assertThat(sim.conversation(mailCustomer)).hasSize(2);
                });
                for (int i = 0; i < ORDERS; i++) {
                    assertThat(sim.conversation(phone(i))).as("messages to " + phone(i)).hasSize(1);
                }
                assertThat(sim.conversation(mailCustomer).get(1).text()).isEqualTo("Tomorrow 9-11.");
                assertThat(a.ordersJson()).contains("\"id\" : \"M-0\"", "\"status\" : \"SENT\"");
                // both instances polled the table: the claim, not luck, kept each order to one message
                long polled = completed(a, "orders-to-whatsapp") + completed(b, "orders-to-whatsapp");
                assertThat(polled).isGreaterThanOrEqualTo(ORDERS);
                assertThat(count(a.dataSource(), "SELECT COUNT(*) FROM orders WHERE claimed_by NOT IN ('a', 'b')")).isZero();
                assertThat(Arrays.stream(mailbox.getReceivedMessages()).filter(m -> GreenMailUtil.getBody(m).contains("not sent")))
                        .as("no mail bounced").isEmpty();

                // A's webhook consumer recorded the mail customer's message; B's window-aware sends read it
                await().atMost(Duration.ofSeconds(30)).until(() -> !b.windows().lastCustomerMessages(mailCustomer).isEmpty());

                // every event A processed, delivered again to B (a load balancer may pick either instance for a
                // redelivery): B finds each completed in the shared dedupe table and processes none of them again
                Map<Long, WebhookDelivery> processedByA = new LinkedHashMap<>();
                sim.webhookDeliveries().stream().filter(WebhookDelivery::succeeded).forEach(d -> processedByA.putIfAbsent(d.eventId(), d));
                assertThat(processedByA).isNotEmpty();
                for (WebhookDelivery delivery : processedByA.values()) {
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/connectly/webhook"))
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .header("x-connectly-hmac-sha256", delivery.signature())
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as("redelivery of event " + delivery.eventId()).isEqualTo(200);
                    assertThat(answer.body()).contains("duplicate");
                }
                assertThat(webhookEndpoint(b).getWebhooksDuplicates()).isEqualTo(processedByA.size());
                assertThat(completed(b, "connectly-events")).isZero();
                assertThat(count(a.dataSource(), "SELECT COUNT(*) FROM CONNECTLY_WEBHOOK_DEDUPE WHERE processorName = "
                                                 + "'connectly-webhook' AND leaseOwner IS NULL")).as("completed marks")
                        .isGreaterThanOrEqualTo(processedByA.size());
            }
        }
    }

    private static String phone(int i) {
        return "+1604555" + (3000 + i);
    }

    private static void insertOrders(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id, customer_name, phone) VALUES (?, ?, ?)")) {
            for (int i = 0; i < ORDERS; i++) {
                insert.setString(1, "M-" + i);
                insert.setString(2, "Customer " + i);
                insert.setString(3, phone(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static ConnectlyEndpoint webhookEndpoint(RunningExample app) {
        return app.context().getEndpoints().stream().filter(ConnectlyEndpoint.class::isInstance).map(ConnectlyEndpoint.class::cast)
                .filter(endpoint -> endpoint.getEndpointUri().startsWith("connectly://webhook")).findFirst().orElseThrow();
    }

    private static long completed(RunningExample app, String routeId) {
        return app.context().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute(routeId).getExchangesCompleted();
    }
}
