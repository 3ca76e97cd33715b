package io.camelconnectly.routes;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the {@code connectly_message} table from the schema in this jar when it is missing. A table that exists is
 * left alone, so an application whose database user may not run DDL works once the table is there.
 */
final class DeliveryTrackingTable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTrackingTable.class);

    private DeliveryTrackingTable() {
    }

    static void createIfMissing(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection)) {
                return;
            }
            try {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(ConnectlyRoutes.TRACKING_SCHEMA,
                        DeliveryTrackingTable.class.getClassLoader()));
            } catch (RuntimeException e) {
                // another instance may have created it at the same moment
                if (!exists(connection)) {
                    throw new IllegalStateException("connectly-delivery-tracking could not create table "
                                                    + ConnectlyRoutes.TRACKING_TABLE + " (" + e.getMessage()
                                                    + "); create it with classpath:" + ConnectlyRoutes.TRACKING_SCHEMA
                                                    + " and set createTable=false",
                            e);
                }
            }
            LOG.info("connectly-delivery-tracking created table {} in {}", ConnectlyRoutes.TRACKING_TABLE,
                    connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Looks in the connection's current schema; databases differ in the case they store unquoted names in. */
    private static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        for (String name : new String[] { ConnectlyRoutes.TRACKING_TABLE, ConnectlyRoutes.TRACKING_TABLE.toUpperCase(Locale.ROOT) }) {
            try (ResultSet tables = metaData.getTables(null, schema, name, new String[] { "TABLE" })) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
