package io.camelconnectly.component.connectly.window;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.EmbeddedPostgresForTests;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC repository on an embedded H2 and on a real PostgreSQL 14, each with a fresh table per test. */
class JdbcConversationWindowRepositoryTest {

    static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    static Stream<Named<DataSource>> databases() {
        return Stream.of(Named.of("H2", h2()), Named.of("PostgreSQL", EmbeddedPostgresForTests.dataSource()));
    }

    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:windows;DB_CLOSE_DELAY=-1");
        return h2;
    }

    static String freshTable() {
        return "WINDOW_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static JdbcConversationWindowRepository started(DataSource dataSource, String table) throws Exception {
        JdbcConversationWindowRepository repository = new JdbcConversationWindowRepository(dataSource, table);
        repository.start();
        return repository;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void createsTheTableWhenMissingAndSharesItWithOtherInstances(DataSource dataSource) throws Exception {
        String table = freshTable();
        JdbcConversationWindowRepository first = started(dataSource, table);
        JdbcConversationWindowRepository second = started(dataSource, table); // the table exists now: reused

        first.recordCustomerMessage("+16045550123", "+14155550100", T);
        assertThat(second.lastCustomerMessages("+16045550123")).isEqualTo(Map.of("+14155550100", T));
        assertThat(second.lastCustomerMessages("+16045550999")).isEmpty();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CUSTOMER, BUSINESS_NUMBER, LAST_MESSAGE_MILLIS FROM " + table)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("+16045550123");
            assertThat(rows.getString(2)).isEqualTo("+14155550100");
            assertThat(rows.getLong(3)).isEqualTo(T.toEpochMilli());
            assertThat(rows.next()).isFalse();
        }
        first.stop();
        second.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsTheNewestTimePerCustomerAndNumber(DataSource dataSource) throws Exception {
        JdbcConversationWindowRepository repository = started(dataSource, freshTable());
        repository.recordCustomerMessage("+16045550123", "+14155550100", T);
        repository.recordCustomerMessage("+16045550123", "+14155550100", T.minusSeconds(60)); // late, out of order
        repository.recordCustomerMessage("+16045550123", "+14155550101", T.minusSeconds(3600));
        assertThat(repository.lastCustomerMessages("+16045550123"))
                .isEqualTo(Map.of("+14155550100", T, "+14155550101", T.minusSeconds(3600)));

        repository.recordCustomerMessage("+16045550123", "+14155550100", T.plusSeconds(5));
        assertThat(repository.lastCustomerMessages("+16045550123")).containsEntry("+14155550100", T.plusSeconds(5));
        repository.stop();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentWritersOnSeveralInstancesLeaveTheNewestTime(DataSource dataSource) throws Exception {
        String table = freshTable();
        List<JdbcConversationWindowRepository> instances = List.of(started(dataSource, table), started(dataSource, table));
        int customers = 10;
        int writesPerCustomer = 6;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        long[] newest = new long[customers];
        List<Future<?>> writes = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            for (int w = 0; w < writesPerCustomer; w++) {
                long offset = ThreadLocalRandom.current().nextLong(1, 86_400_000);
                newest[c] = Math.max(newest[c], offset);
                String customer = "+1604555" + String.format("%04d", c);
                JdbcConversationWindowRepository instance = instances.get(w % 2);
                // every first write of a customer races to INSERT the row
                writes.add(pool.submit(() -> {
                    go.await();
                    instance.recordCustomerMessage(customer, "+14155550100", T.plusMillis(offset));
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> write : writes) {
            write.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int c = 0; c < customers; c++) {
            assertThat(instances.get(c % 2).lastCustomerMessages("+1604555" + String.format("%04d", c)))
                    .isEqualTo(Map.of("+14155550100", T.plusMillis(newest[c])));
        }
        instances.forEach(JdbcConversationWindowRepository::stop);
    }

    @Test
    void badSettingsFailOnStartWithWhatToDo() throws Exception {
        assertThatThrownBy(() -> new JdbcConversationWindowRepository().start())
                .hasMessageContaining("needs a DataSource");
        DataSource h2 = h2();
        assertThatThrownBy(() -> started(h2, "windows; DROP TABLE x"))
                .hasMessageContaining("tableName 'windows; DROP TABLE x' is not a plain SQL table name");
        JdbcConversationWindowRepository noCreate = new JdbcConversationWindowRepository(h2, freshTable());
        noCreate.setCreateTableIfNotExists(false);
        assertThatThrownBy(noCreate::start)
                .hasMessageContaining("does not exist").hasMessageContaining("CREATE TABLE");
    }
}
