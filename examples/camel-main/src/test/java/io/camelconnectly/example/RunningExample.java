package io.camelconnectly.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.window.ConversationWindowRepository;
import io.camelconnectly.example.crm.CrmStandIn;
import io.camelconnectly.simulator.ConnectlySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;

/**
 * The example application started in the test JVM with free loopback ports, short delays, no Hawtio and no seed data
 * (unless a test asks for them), and its embedded parts at hand.
 */
final class RunningExample implements AutoCloseable {

    static final String FAILING_NUMBER = "+16045550199";

    private final Main main;
    final int serverPort;
    final Path campaignDir;

    private RunningExample(Main main, int serverPort, Path campaignDir) {
        this.main = main;
        this.serverPort = serverPort;
        this.campaignDir = campaignDir;
    }

    /** Test settings; {@code overrides} win over them (e.g. another database URL, or live-mode credentials). */
    static RunningExample start(Path campaignDir, Map<String, String> overrides) throws Exception {
        int serverPort = AvailablePortFinder.getNextAvailable();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("example.server.port", String.valueOf(serverPort));
        properties.put("example.management.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        properties.put("example.simulator.port", "0");
        properties.put("example.simulator.status-delay", "20ms");
        properties.put("example.simulator.template-approval-delay", "200ms");
        properties.put("example.simulator.webhook-retry-delay", "200ms");
        properties.put("example.simulator.failing-numbers", FAILING_NUMBER);
        // the tests act as the customers themselves
        properties.put("example.simulator.auto-reply", "off");
        properties.put("example.mail.imap-port", "0");
        properties.put("example.mail.smtp-port", "0");
        properties.put("example.mail.poll-delay", "200");
        properties.put("example.crm.port", "0");
        properties.put("example.orders.poll-delay", "200");
        properties.put("example.hawtio.enabled", "false");
        properties.put("example.seed.enabled", "false");
        properties.put("example.db.url", "jdbc:h2:mem:example-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        properties.put("example.campaign.dir", campaignDir.toString());
        properties.putAll(overrides);

        Main main = ExampleApplication.newMain();
        properties.forEach(main::addOverrideProperty);
        main.start();
        return new RunningExample(main, serverPort, campaignDir);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    ConnectlySimulator simulator() {
        return bean("connectlySimulator", ConnectlySimulator.class);
    }

    GreenMail greenMail() {
        return bean("greenMail", GreenMail.class);
    }

    CrmStandIn crm() {
        return bean("crmStandIn", CrmStandIn.class);
    }

    DataSource dataSource() {
        return bean("dataSource", DataSource.class);
    }

    /** The customers' 24-hour windows as the connectly component knows them (in the database). */
    ConversationWindowRepository windows() {
        return context().getComponent("connectly", ConnectlyComponent.class).getConversationWindowRepository();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + serverPort;
    }

    private <T> T bean(String name, Class<T> type) {
        T bean = context().getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no bean " + name + " in the example's registry");
        }
        return bean;
    }

    void insertOrder(String id, String name, String phone) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id, customer_name, phone) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, phone);
            insert.executeUpdate();
        }
    }

    /** The order row, column names in lower case; empty when there is no such order. */
    Map<String, Object> order(String id) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM orders WHERE id = ?")) {
            select.setString(1, id);
            Map<String, Object> row = new LinkedHashMap<>();
            try (ResultSet result = select.executeQuery()) {
                if (result.next()) {
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.put(result.getMetaData().getColumnLabel(i).toLowerCase(), result.getObject(i));
                    }
                }
            }
            return row;
        }
    }

    /** GET /orders: the orders table as the application serves it. */
    String ordersJson() throws Exception {
        return get("/orders");
    }

    /** GET /messages: every message sent and its status ("what reached whom"). */
    String messagesJson() throws Exception {
        return get("/messages");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        main.stop();
    }
}
