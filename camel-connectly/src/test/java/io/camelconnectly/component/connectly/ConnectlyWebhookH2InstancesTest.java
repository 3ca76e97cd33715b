package io.camelconnectly.component.connectly;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** Two instances sharing the dedupe table of an H2 database (in memory, kept open for the class). */
class ConnectlyWebhookH2InstancesTest extends WebhookInstancesTestSupport {

    @BeforeAll
    static void startH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:webhook-instances;DB_CLOSE_DELAY=-1");
        startInstances(h2);
    }
}
