package io.camelconnectly.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Order notifications on WhatsApp: {@link OrderNotificationRoutes} (Java DSL) sends a template when an order ships,
 * {@code routes/customer-conversations.yaml} (YAML DSL) answers customers and follows delivery statuses. Everything
 * else is application.properties; without CONNECTLY_API_KEY, {@link EmbeddedSimulatorConfiguration} runs a local
 * Connectly in this JVM.
 */
@SpringBootApplication
public class ConnectlyExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConnectlyExampleApplication.class, args);
    }
}
