package io.camelconnectly.example;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connectly example: CRM, email, database and campaign flows into WhatsApp on Camel Main. Routes are in
 * {@code src/main/resources/routes/*.yaml} and {@link CampaignRoutes}; configuration in {@code application.properties}.
 */
public final class ExampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleApplication.class);

    private ExampleApplication() {
    }

    public static void main(String[] args) {
        try {
            newMain().run(args);
        } catch (Exception e) {
            // the embedded servers run non-daemon threads: without an exit a failed start would hang
            LOG.error("The Connectly example did not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    /** A Camel Main with the example's embedded services; tests add override properties, then start it. */
    public static Main newMain() {
        Main main = new Main(ExampleApplication.class);
        // the Java DSL route named, not found by scanning the classpath (faster start)
        main.configure().setBasePackageScanEnabled(false);
        main.configure().addRoutesBuilder(new CampaignRoutes());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport main) {
                // after application.properties is loaded, before the components and routes are configured
                EmbeddedServices services = new EmbeddedServices(main.getCamelContext());
                services.start();
                try {
                    main.getCamelContext().addService(services, true, false);
                    main.getCamelContext().addStartupListener(services);
                } catch (Exception e) {
                    services.stop();
                    throw new IllegalStateException(e);
                }
            }
        });
        return main;
    }
}
