package io.camelconnectly.reliability;

import org.apache.camel.main.Main;

/**
 * The webhook application of the reliability run: Camel Main, configured by {@code application.properties} (HTTP
 * server, the shared PostgreSQL, the leased dedupe as beans) with the route of {@link EventRoutes}. The run's driver
 * starts several of these as separate JVMs behind one load balancer.
 */
public final class EventsApplication {

    private EventsApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new EventRoutes());
        main.run(args);
    }
}
