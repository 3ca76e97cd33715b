package io.camelconnectly.component.connectly;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * A small Camel Main application, run in its own JVM by {@link CamelMainSecretsLogTest} so that its log level is set
 * before any logger exists: the application.properties given as argument, a webhook consumer and one send.
 */
public final class MainStartupLogApp {

    private MainStartupLogApp() {
    }

    public static void main(String[] args) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + args[0]);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook").to("log:events");
                from("direct:send").to("connectly:sendMessage?recipient=%2B16045550123");
            }
        });
        try {
            main.start();
            Exchange sent = main.getCamelContext().createProducerTemplate().send("direct:send",
                    exchange -> exchange.getMessage().setBody("Hello from Camel Main"));
            System.out.println(sent.getException() == null
                    ? "SENT " + sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID) : "SEND FAILED " + sent.getException());
        } catch (Exception e) {
            // what a failed start prints: Camel's own exception message
            System.out.println("START FAILED " + e);
            e.printStackTrace(System.out);
        } finally {
            main.stop();
        }
    }
}
