package io.camelconnectly.example;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The example's database: a HikariCP pool over any JDBC URL (embedded H2 by default, PostgreSQL or another by
 * {@code example.db.url}), with the example's tables created when missing.
 */
final class Database implements AutoCloseable {

    static final String SCHEMA = "db/schema.sql";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static Database open(String url, String username, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("example-db");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            new ResourceDatabasePopulator(new ClassPathResource(SCHEMA, Database.class.getClassLoader())).execute(dataSource);
            return new Database(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("Could not create the example's tables (" + SCHEMA + ") in " + dataSource.getJdbcUrl()
                                            + ": " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
