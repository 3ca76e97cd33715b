package io.camelconnectly.component.connectly.window;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConversationWindowRepository} in a database table, shared by every instance (and every Camel context) that
 * uses the same table: one row per customer and business number with the time of the customer's last message. Works on
 * H2 and PostgreSQL (and any database with BIGINT, VARCHAR and a composite primary key); the table is created on start
 * when missing, with {@link #createTableSql()}.
 * <p>
 * A write is an UPDATE that only moves the time forward, then an INSERT when there was no row; an INSERT that loses a
 * race with another instance falls back to the same forward-only UPDATE. So concurrent writers, on any number of
 * instances, always leave the newest time. JDBC blocks: the component calls this repository on its own executor, never
 * on an I/O thread.
 * <p>
 * As a bean, e.g. with Camel Main: {@code camel.beans.windowRepo = #class:...JdbcConversationWindowRepository},
 * {@code camel.beans.windowRepo.dataSource = #myDataSource},
 * {@code camel.component.connectly.conversation-window-repository = #windowRepo}.
 */
public class JdbcConversationWindowRepository extends ServiceSupport implements ConversationWindowRepository {

    public static final String DEFAULT_TABLE_NAME = "CONNECTLY_CONVERSATION_WINDOW";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationWindowRepository.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTableIfNotExists = true;

    private String updateSql;
    private String insertSql;
    private String selectSql;

    public JdbcConversationWindowRepository() {
    }

    public JdbcConversationWindowRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JdbcConversationWindowRepository(DataSource dataSource, String tableName) {
        this.dataSource = dataSource;
        this.tableName = tableName;
    }

    /** The table this repository creates when missing (times in milliseconds since the epoch, UTC). */
    public static String createTableSql(String tableName) {
        return "CREATE TABLE " + tableName + " ("
               + "CUSTOMER VARCHAR(128) NOT NULL, "
               + "BUSINESS_NUMBER VARCHAR(64) NOT NULL, "
               + "LAST_MESSAGE_MILLIS BIGINT NOT NULL, "
               + "PRIMARY KEY (CUSTOMER, BUSINESS_NUMBER))";
    }

    public String createTableSql() {
        return createTableSql(tableName);
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcConversationWindowRepository needs a DataSource: set its dataSource "
                                               + "(e.g. camel.beans.<name>.dataSource = #<yourDataSourceBean>)");
        }
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcConversationWindowRepository tableName '" + tableName
                                               + "' is not a plain SQL table name: use letters, digits and _, optionally "
                                               + "schema.table; default " + DEFAULT_TABLE_NAME);
        }
        updateSql = "UPDATE " + tableName + " SET LAST_MESSAGE_MILLIS = ? WHERE CUSTOMER = ? AND BUSINESS_NUMBER = ?"
                    + " AND LAST_MESSAGE_MILLIS < ?";
        insertSql = "INSERT INTO " + tableName + " (CUSTOMER, BUSINESS_NUMBER, LAST_MESSAGE_MILLIS) VALUES (?, ?, ?)";
        selectSql = "SELECT BUSINESS_NUMBER, LAST_MESSAGE_MILLIS FROM " + tableName + " WHERE CUSTOMER = ?";
        ensureTable();
    }

    private void ensureTable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (tableExists(connection)) {
                return;
            }
            if (!createTableIfNotExists) {
                throw new IllegalStateException("Table " + tableName + " for the Connectly conversation windows does not "
                                                + "exist: create it (" + createTableSql() + ") or set createTableIfNotExists "
                                                + "to true");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(createTableSql());
                endTransaction(connection);
                LOG.info("Created table {} for the Connectly conversation windows", tableName);
            } catch (SQLException e) {
                rollbackQuietly(connection);
                // another instance may have created it at the same moment
                if (!tableExists(connection)) {
                    throw new SQLException("Cannot create table " + tableName + " for the Connectly conversation windows: "
                                           + e.getMessage() + ". Create it yourself: " + createTableSql()
                                           + ", or give tableName of an existing one",
                                           e.getSQLState(), e);
                }
            }
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + tableName + " WHERE 1 = 0").close();
            endTransaction(connection);
            return true;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return false;
        }
    }

    @Override
    public void recordCustomerMessage(String customer, String businessNumber, Instant sentAt) {
        long millis = sentAt.toEpochMilli();
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (moveForward(connection, customer, businessNumber, millis) == 0 && !insert(connection, customer, businessNumber, millis)) {
                    // a concurrent writer inserted the row first: keep whichever time is newer
                    moveForward(connection, customer, businessNumber, millis);
                }
                endTransaction(connection);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot record a customer message in table " + tableName + ": " + e.getMessage(), e);
        }
    }

    private int moveForward(Connection connection, String customer, String businessNumber, long millis) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(updateSql)) {
            update.setLong(1, millis);
            update.setString(2, customer);
            update.setString(3, businessNumber);
            update.setLong(4, millis);
            return update.executeUpdate();
        }
    }

    /** @return false when the row exists already (someone inserted it since our UPDATE) */
    private boolean insert(Connection connection, String customer, String businessNumber, long millis) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
            insert.setString(1, customer);
            insert.setString(2, businessNumber);
            insert.setLong(3, millis);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // PostgreSQL aborts a transaction on a failed statement: start over when not in auto-commit
            rollbackQuietly(connection);
            return false;
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // SQLSTATE class 23: integrity constraint violation (23505 unique violation on H2 and PostgreSQL)
        return e instanceof SQLIntegrityConstraintViolationException || e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    @Override
    public Map<String, Instant> lastCustomerMessages(String customer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(selectSql)) {
            select.setString(1, customer);
            Map<String, Instant> known = new HashMap<>(4);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                }
            }
            endTransaction(connection);
            return known;
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read the conversation windows from table " + tableName + ": " + e.getMessage(), e);
        }
    }

    /** Commits when the pool hands out connections outside auto-commit, so no transaction is left open. */
    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed: {}", e.getMessage());
        }
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table name, plain or schema-qualified; default {@value #DEFAULT_TABLE_NAME}. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTableIfNotExists() {
        return createTableIfNotExists;
    }

    /** Whether to create the table on start when it is missing; default true. */
    public void setCreateTableIfNotExists(boolean createTableIfNotExists) {
        this.createTableIfNotExists = createTableIfNotExists;
    }

    @Override
    public String toString() {
        return "JdbcConversationWindowRepository[table=" + tableName + "]";
    }
}
