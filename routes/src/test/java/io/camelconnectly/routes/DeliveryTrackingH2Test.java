package io.camelconnectly.routes;

import javax.sql.DataSource;

import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** connectly-delivery-tracking on an in-memory H2 database; the Kamelet creates the table on start. */
class DeliveryTrackingH2Test extends DeliveryTrackingTestSupport {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(simulator());

    private static final JdbcDataSource H2 = new JdbcDataSource();

    static {
        // H2 waits 1 s for a row lock by default: too short for the concurrent test on a busy 2-core machine
        H2.setURL("jdbc:h2:mem:connectly-tracking;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    }

    @Override
    ConnectlySimulatorExtension sim() {
        return SIM;
    }

    @Override
    DataSource dataSource() {
        return H2;
    }
}
