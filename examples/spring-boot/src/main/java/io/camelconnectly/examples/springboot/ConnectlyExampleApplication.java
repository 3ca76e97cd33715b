package io.camelconnectly.examples.springboot;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

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

    /**
     * Webhook events already processed, in the application's database (camel.component.connectly.idempotent-repository
     * refers to it): a redelivery after a restart, or to another instance on the same database, is not routed twice.
     */
    @Bean
    public JdbcMessageIdRepository processedWebhookEvents(DataSource dataSource) {
        return new JdbcMessageIdRepository(dataSource, "connectly-webhooks");
    }
}
