package io.camelconnectly.routes;

import javax.sql.DataSource;

import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;

/**
 * One running instance of an application that uses the Kamelets: its own Camel context, HTTP server (free port on
 * 127.0.0.1) and webhook deduplication, the simulator's coordinates configured on the connectly component, and a
 * DataSource bean {@code trackingDb}. Two of them on one database are two instances sharing the table.
 */
final class AppInstance implements AutoCloseable {

    final int port = AvailablePortFinder.getNextAvailable();
    final CamelContext context = new DefaultCamelContext();
    final ProducerTemplate template;

    private AppInstance(ConnectlySimulatorExtension sim, DataSource trackingDb, String... yamlRoutes) throws Exception {
        RoutesTestSupport.configure(context, sim, port);
        context.getRegistry().bind("trackingDb", trackingDb);
        for (int i = 0; i < yamlRoutes.length; i++) {
            RoutesTestSupport.loadYaml(context, "routes-" + i, yamlRoutes[i]);
        }
        context.start();
        template = context.createProducerTemplate();
    }

    static AppInstance start(ConnectlySimulatorExtension sim, DataSource trackingDb, String... yamlRoutes) throws Exception {
        return new AppInstance(sim, trackingDb, yamlRoutes);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        context.stop();
    }
}
