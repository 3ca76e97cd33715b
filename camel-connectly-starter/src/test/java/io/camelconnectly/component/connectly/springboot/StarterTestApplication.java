package io.camelconnectly.component.connectly.springboot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application the starter's tests run: README's {@link WhatsAppRoutes} and a few webhook routes of the tests' own
 * on other paths, served by Spring Boot's web server (Tomcat) through camel-platform-http-starter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WhatsAppRoutes.class)
public class StarterTestApplication {

    /** Customers whose first "delivered" status the statuses route fails once, to prove redelivery. */
    public static final Set<String> FAIL_FIRST_DELIVERED = ConcurrentHashMap.newKeySet();

    /** Bound through camel.component.connectly.idempotent-repository=#bean:webhookEventsSeen (the starter's converter). */
    @Bean
    public IdempotentRepository webhookEventsSeen() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(1000);
    }

    @Bean
    public RouteBuilder testWebhookRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=/test/direct").routeId("test-direct")
                        .to("mock:direct");
                from("connectly:webhook?webhookPath=/test/small&maxBodySize=65536").routeId("test-small")
                        .to("mock:small");
                from("connectly:webhook?webhookPath=/test/statuses").routeId("test-statuses")
                        .process(exchange -> {
                            String customer = exchange.getMessage().getHeader(ConnectlyConstants.CUSTOMER_NUMBER, String.class);
                            if ("delivered".equals(exchange.getMessage().getHeader(ConnectlyConstants.EVENT_TYPE))
                                    && FAIL_FIRST_DELIVERED.remove(customer)) {
                                throw new IllegalStateException("database unavailable (injected, once)");
                            }
                        })
                        .to("mock:statuses");
            }
        };
    }
}
