package io.camelconnectly.routes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import io.camelconnectly.component.connectly.webhook.WebhookEventParser;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * connectly-delivery-tracking on a real database (H2 or PostgreSQL, per subclass), used as the README shows: after
 * connectly-sink and on the delivery statuses of connectly-source, the simulator sending and posting over loopback.
 * Two application instances share the table; crafted signed posts bring statuses out of order and twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryTrackingTestSupport {

    static final String BUSINESS = "+14155550100";
    static final String FAILING_NUMBER = "+16045550999";

    /** Feeds the Kamelet directly, as a route does right after a send or on a status. */
    static final String TRACK_ROUTE = """
            - route:
                id: track
                from:
                  uri: direct:track
                  steps:
                    - to:
                        uri: kamelet:connectly-delivery-tracking
                        parameters:
                          dataSource: trackingDb
            """;

    /** An automatic answer to every customer message, tracked like any send. */
    static final String REPLY_ROUTE = """
            - route:
                id: answer-and-track
                from:
                  uri: kamelet:connectly-source
                  parameters:
                    webhookSecret: "{{connectly.webhook-secret}}"
                    webhookPath: /connectly/messages
                    topics: messages
                  steps:
                    - setBody:
                        constant: "We will get back to you within the hour."
                    - to: kamelet:connectly-sink
                    - to:
                        uri: kamelet:connectly-delivery-tracking
                        parameters:
                          dataSource: trackingDb
            """;

    private final WebhookEventParser parser = new WebhookEventParser();

    AppInstance first;
    AppInstance second;
    JdbcTemplate jdbc;

    abstract ConnectlySimulatorExtension sim();

    abstract DataSource dataSource();

    static io.camelconnectly.simulator.ConnectlySimulator.Builder simulator() {
        return RoutesTestSupport.quickSimulator().failingNumbers(FAILING_NUMBER);
    }

    @BeforeAll
    void startTwoInstances() throws Exception {
        jdbc = new JdbcTemplate(dataSource());
        String readme = Readme.yaml("connectly-delivery-tracking");
        DataSource watched = threadRecording(dataSource());
        first = AppInstance.start(sim(), watched, readme, TRACK_ROUTE, REPLY_ROUTE);
        second = AppInstance.start(sim(), watched, readme, TRACK_ROUTE, REPLY_ROUTE);
        RoutesTestSupport.registerWebhook(sim(), "delivery_status", first.url("/connectly/statuses"));
        RoutesTestSupport.registerWebhook(sim(), "messages", first.url("/connectly/messages"));
    }

    @AfterAll
    void stopInstances() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        afterInstancesStopped();
    }

    void afterInstancesStopped() throws Exception {
    }

    @Test
    void theReadmeRoutesRecordEachSendAndEveryStatusItGoesThrough() {
        String customer = "+16045550901";
        sim().customer(customer).sendsText("Where is my order?");

        Exchange session = first.template.send("direct:send-tracked", exchange -> {
            exchange.getMessage().setBody("It ships today.");
            // written the way a CRM holds it: stored the way the producer sends it
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, "+1 (604) 555-0901");
            exchange.getMessage().setHeader(ConnectlyConstants.CALLBACK_DATA, Map.of("orderId", "A-1001"));
        });
        Exchange templated = first.template.send("direct:send-tracked", exchange -> {
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            exchange.getMessage().setHeader(ConnectlyConstants.OPERATION, "sendTemplatedMessage");
            exchange.getMessage().setHeader(ConnectlyConstants.TEMPLATE_NAME, "welcome");
        });

        assertThat(session.getException()).isNull();
        assertThat(templated.getException()).isNull();
        // the route goes on with what the sink returned
        assertThat(session.getMessage().getBody()).isInstanceOf(SendMessageResponse.class);
        assertThat(session.getMessage().getHeaders()).doesNotContainKey("CamelSqlUpdateCount");
        String sessionId = session.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        String templateId = templated.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(row(sessionId).status).isEqualTo("read");
            assertThat(row(templateId).status).isEqualTo("read");
        });
        Row sent = row(sessionId);
        assertThat(sent.recipient).isEqualTo(customer);
        assertThat(sent.sender).isEqualTo(BUSINESS);
        assertThat(sent.sentAs).isEqualTo("session");
        assertThat(sent.templateName).isNull();
        assertThat(sent.callbackData).isEqualTo("{\"orderId\":\"A-1001\"}");
        assertThat(sent.rank).isEqualTo(3);
        assertThat(List.of(sent.acceptedAt, sent.sentAt, sent.deliveredAt, sent.readAt)).doesNotContainNull();
        assertThat(sent.failedAt).isNull();
        assertThat(row(templateId).sentAs).isEqualTo("template");
        assertThat(row(templateId).templateName).isEqualTo("welcome");

        // README: what reached whom
        List<Map<String, Object>> reached = jdbc.queryForList(Readme.block(Readme.kameletSection("connectly-delivery-tracking"),
                "sql", 1));
        // (the customer's question was answered automatically too, by the route of the next test)
        assertThat(reached).filteredOn(r -> customer.equals(r.get("recipient"))).extracting(r -> r.get("message_id"))
                .contains(sessionId, templateId);
    }

    @Test
    void anAnswerToACustomerMessageIsRecordedAsASend() {
        String customer = "+16045550902";

        sim().customer(customer).sendsText("Can I change my delivery address?");

        await().atMost(Duration.ofSeconds(20)).until(() -> sim().get().conversation(customer).size() == 2);
        String answerId = sim().get().conversation(customer).get(1).id();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row(answerId).status).isEqualTo("read"));
        Row answer = row(answerId);
        // the consumer's CamelConnectlyRecipient header named the customer for the sink and for the record
        assertThat(answer.recipient).isEqualTo(customer);
        assertThat(answer.sentAs).isEqualTo("session");
        assertThat(answer.acceptedAt).isNotNull();
    }

    @Test
    void aFailedDeliveryKeepsConnectlysErrorCode() {
        Exchange sent = first.template.send("direct:send-tracked", exchange -> {
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, FAILING_NUMBER);
            exchange.getMessage().setHeader(ConnectlyConstants.OPERATION, "sendTemplatedMessage");
            exchange.getMessage().setHeader(ConnectlyConstants.TEMPLATE_NAME, "welcome");
        });
        String id = sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row(id).status).isEqualTo("delivery_failed"));
        Row failed = row(id);
        assertThat(failed.rank).isEqualTo(4);
        assertThat(failed.errorCode).isEqualTo("ERROR_CODE_MESSAGE_UNDELIVERABLE");
        assertThat(failed.failedAt).isNotNull();
        assertThat(failed.recipient).isEqualTo(FAILING_NUMBER);

        List<Map<String, Object>> notReached = jdbc.queryForList(Readme.block(Readme.kameletSection("connectly-delivery-tracking"),
                "sql", 2));
        assertThat(notReached).anySatisfy(r -> assertThat(r.values()).contains(id, "ERROR_CODE_MESSAGE_UNDELIVERABLE"));
    }

    @Test
    void statusesOutOfOrderNeverMoveTheStatusBackAndMayComeBeforeTheSend() throws Exception {
        String id = "01HTRACKOUTOFORDER00000001";
        String customer = "+16045550911";
        long t = Instant.parse("2026-11-30T10:00:00Z").getEpochSecond();

        // read first, then the older statuses: each keeps its own time, the status stays read
        assertThat(post(first, status(id, customer, "read", t + 20)).statusCode()).isEqualTo(200);
        assertThat(post(first, status(id, customer, "delivered", t + 10)).statusCode()).isEqualTo(200);
        assertThat(post(first, status(id, customer, "sent", t)).statusCode()).isEqualTo(200);
        // the send's own record arrives last
        SendMessageResponse response = new SendMessageResponse().withId(id);
        Exchange recorded = first.template.send("direct:track", exchange -> {
            exchange.getMessage().setBody(response);
            exchange.getMessage().setHeader(ConnectlyConstants.MESSAGE_ID, id);
            // what connectly-sink leaves: its parameters
            ConnectlySinkParameters sink = new ConnectlySinkParameters();
            sink.setOperation("sendMessage");
            sink.setRecipient(customer);
            exchange.setVariable(ConnectlyRoutes.SINK_VARIABLE, sink);
        });

        assertThat(recorded.getException()).isNull();
        assertThat(recorded.getMessage().getBody()).isSameAs(response);
        Row row = row(id);
        assertThat(row.status).isEqualTo("read");
        assertThat(row.rank).isEqualTo(3);
        assertThat(row.sentAt.toInstant()).isEqualTo(Instant.ofEpochSecond(t));
        assertThat(row.deliveredAt.toInstant()).isEqualTo(Instant.ofEpochSecond(t + 10));
        assertThat(row.readAt.toInstant()).isEqualTo(Instant.ofEpochSecond(t + 20));
        assertThat(row.acceptedAt).isNotNull();
        assertThat(row.sentAs).isEqualTo("session");
        assertThat(row.recipient).isEqualTo(customer);
        assertThat(row.callbackData).isEqualTo("{\"orderId\":\"A-7\"}");
    }

    @Test
    void theSameStatusThroughAnotherInstanceChangesNothing() throws Exception {
        String id = "01HTRACKDUPLICATE000000001";
        String customer = "+16045550912";
        long t = Instant.parse("2026-11-30T11:00:00Z").getEpochSecond();

        assertThat(post(first, status(id, customer, "delivered", t)).statusCode()).isEqualTo(200);
        Row once = row(id);
        // each instance deduplicates only what it has seen: the second one records the same status again,
        // here as Connectly might repeat it, with a later time
        assertThat(post(second, status(id, customer, "delivered", t + 60)).statusCode()).isEqualTo(200);
        assertThat(post(second, status(id, customer, "sent", t - 5)).statusCode()).isEqualTo(200);

        Row twice = row(id);
        assertThat(countRows(id)).isEqualTo(1);
        assertThat(twice.status).isEqualTo("delivered");
        assertThat(twice.deliveredAt).isEqualTo(once.deliveredAt);
        assertThat(twice.sentAt.toInstant()).isEqualTo(Instant.ofEpochSecond(t - 5));
    }

    @Test
    void twoInstancesRecordSendsAndStatusesOfTheSameMessagesConcurrently() throws Exception {
        List<CompletableFuture<Exchange>> writes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long t = Instant.parse("2026-11-30T12:00:00Z").getEpochSecond();
        for (int i = 0; i < 20; i++) {
            String id = String.format("01HTRACKCONCURRENT%08d", i);
            String customer = String.format("+1604555%04d", 2000 + i);
            ids.add(id);
            List<Runnable> steps = new ArrayList<>();
            steps.add(() -> writes.add(first.template.asyncSend("direct:track", exchange -> {
                exchange.getMessage().setBody(new SendMessageResponse().withId(id));
                exchange.getMessage().setHeader(ConnectlyConstants.MESSAGE_ID, id);
                exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
                exchange.getMessage().setHeader(ConnectlyConstants.OPERATION, "sendMessage");
            })));
            for (String status : List.of("sent", "delivered", "read")) {
                long at = t + List.of("sent", "delivered", "read").indexOf(status);
                steps.add(() -> writes.add(second.template.asyncSend("direct:track", exchange -> exchange.getMessage()
                        .setBody(parser.parse(status(id, customer, status, at).getBytes(UTF_8))))));
            }
            Collections.shuffle(steps);
            steps.forEach(Runnable::run);
        }

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
        assertThat(writes).allSatisfy(write -> assertThat(write.join().getException()).isNull());
        for (String id : ids) {
            Row row = row(id);
            assertThat(countRows(id)).isEqualTo(1);
            assertThat(row.status).as(id).isEqualTo("read");
            assertThat(row.sentAs).as(id).isEqualTo("session");
            assertThat(List.of(row.acceptedAt, row.sentAt, row.deliveredAt, row.readAt)).as(id).doesNotContainNull();
        }
    }

    @Test
    void aStatusWhoseBodyTheRouteReplacedIsRecordedFromItsHeadersAndAnUnknownStatusIsSkipped() throws Exception {
        String id = "01HTRACKFROMHEADERS0000001";
        Instant at = Instant.parse("2026-11-30T14:00:00Z");

        Exchange fromHeaders = first.template.send("direct:track", exchange -> {
            exchange.getMessage().setBody("the route turned the event into this");
            exchange.getMessage().setHeader(ConnectlyConstants.TOPIC, "delivery_status");
            exchange.getMessage().setHeader(ConnectlyConstants.EVENT_TYPE, "delivered");
            exchange.getMessage().setHeader(ConnectlyConstants.STATUS_UPDATE_ID, id);
            exchange.getMessage().setHeader(ConnectlyConstants.CUSTOMER_NUMBER, "+16045550941");
            exchange.getMessage().setHeader(ConnectlyConstants.TIMESTAMP, at);
        });
        Exchange unknown = first.template.send("direct:track", exchange -> exchange.getMessage()
                .setBody(parser.parse(status("01HTRACKUNKNOWNSTATUS00001", "+16045550942", "deleted", at.getEpochSecond())
                        .getBytes(UTF_8))));

        assertThat(fromHeaders.getException()).isNull();
        assertThat(row(id).status).isEqualTo("delivered");
        assertThat(row(id).deliveredAt.toInstant()).isEqualTo(at);
        assertThat(row(id).recipient).isEqualTo("+16045550941");
        assertThat(unknown.getException()).isNull();
        assertThat(countRows("01HTRACKUNKNOWNSTATUS00001")).isZero();
    }

    @Test
    void misplacedItFailsAndSaysWhereItBelongs() {
        Exchange misplaced = first.template.send("direct:track", exchange -> exchange.getMessage().setBody("hello"));

        assertThat(misplaced.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectly-delivery-tracking has nothing to record")
                .hasMessageContaining("right after connectly-sink");
        assertThat(misplaced.getMessage().getBody()).isEqualTo("hello");
    }

    @Test
    void noConnectionIsEverTakenOnAnHttpClientOrEventLoopThread() {
        // the connections of every test so far, and of this send and its statuses
        String customer = "+16045550931";
        sim().customer(customer).sendsText("hi");
        Exchange sent = first.template.send("direct:send-tracked", exchange -> {
            exchange.getMessage().setBody("Checking threads");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
        });
        String id = sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row(id).status).isEqualTo("read"));

        assertThat(connectionThreads).isNotEmpty().allSatisfy(thread -> assertThat(thread)
                .as("thread that took a connection").matches("main|.*ConnectlyDeliveryTracking.*"));
    }

    // ---- helpers

    private final java.util.Set<String> connectionThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The DataSource, noting the name of every thread that takes a connection from it. */
    private DataSource threadRecording(DataSource dataSource) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        connectionThreads.add(Thread.currentThread().getName());
                    }
                    try {
                        return method.invoke(dataSource, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static String status(String id, String customer, String status, long epochSeconds) {
        String error = "delivery_failed".equals(status)
                ? "{\"message\":\"Message undeliverable\",\"code\":\"ERROR_CODE_MESSAGE_UNDELIVERABLE\",\"cntTraceId\":\"1\"}"
                : "null";
        return """
                {"topic":"delivery_status","timestamp":"%d",\
                "sender":{"id":"%s","channelType":"whatsapp"},"recipient":{"id":"%s","channelType":"whatsapp"},\
                "statusUpdate":{"id":"%s","status":"%s","error":%s},"callbackData":{"orderId":"A-7"}}"""
                .formatted(epochSeconds, BUSINESS, customer, id, status, error);
    }

    java.net.http.HttpResponse<String> post(AppInstance instance, String json) throws Exception {
        return RoutesTestSupport.postSigned(sim(), instance.url("/connectly/statuses"), json);
    }

    int countRows(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM connectly_message WHERE message_id = ?", Integer.class, id);
    }

    Row row(String id) {
        List<Row> rows = jdbc.query("SELECT * FROM connectly_message WHERE message_id = ?", (rs, n) -> new Row(rs), id);
        assertThat(rows).as("row of " + id).hasSize(1);
        return rows.get(0);
    }

    /** One row, times read the same way from both databases. */
    static final class Row {
        final String status;
        final int rank;
        final String recipient;
        final String sender;
        final String sentAs;
        final String templateName;
        final String callbackData;
        final String errorCode;
        final OffsetDateTime acceptedAt;
        final OffsetDateTime sentAt;
        final OffsetDateTime deliveredAt;
        final OffsetDateTime readAt;
        final OffsetDateTime failedAt;

        Row(ResultSet rs) throws SQLException {
            status = rs.getString("status");
            rank = rs.getInt("status_rank");
            recipient = rs.getString("recipient");
            sender = rs.getString("sender");
            sentAs = rs.getString("sent_as");
            templateName = rs.getString("template_name");
            callbackData = rs.getString("callback_data");
            errorCode = rs.getString("error_code");
            acceptedAt = time(rs, "accepted_at");
            sentAt = time(rs, "sent_at");
            deliveredAt = time(rs, "delivered_at");
            readAt = time(rs, "read_at");
            failedAt = time(rs, "failed_at");
        }

        private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
        }
    }
}
