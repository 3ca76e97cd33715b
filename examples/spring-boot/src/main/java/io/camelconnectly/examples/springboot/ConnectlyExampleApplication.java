package io.camelconnectly.examples.springboot;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.window.JdbcConversationWindowRepository;
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

    /**
     * The customers' 24-hour windows, kept in the application's database (table CONNECTLY_CONVERSATION_WINDOW, made
     * when missing): the webhook consumer records who wrote to which number, and sendMessage with a fallback template
     * reads it, so several instances of this application share it.
     */
    @Bean
    JdbcConversationWindowRepository conversationWindows(DataSource dataSource) {
        return new JdbcConversationWindowRepository(dataSource);
    }

    public static void main(String[] args) {
        SpringApplication.run(ConnectlyExampleApplication.class, args);
    }
}
