package io.camelconnectly.examples.springboot;

import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.ConnectlyConfiguration;
import io.camelconnectly.simulator.ConnectlySimulator;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without CONNECTLY_API_KEY the application runs against a Connectly simulator in this JVM: the connectly component is
 * pointed at it (base URL, API key, business id, webhook secret), and the webhook route registers this application's
 * address with it when it starts, so customers' messages and delivery statuses come back. The simulator's chat page
 * shows the WhatsApp side and lets you write as a customer.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSimulatorConfiguration.NoApiKey.class)
public class EmbeddedSimulatorConfiguration {

    /** CONNECTLY_API_KEY absent or blank (in the environment, a system property or a property source). */
    static final class NoApiKey implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String apiKey = context.getEnvironment().getProperty("CONNECTLY_API_KEY");
            return apiKey == null || apiKey.isBlank();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    public ConnectlySimulator connectlySimulator(@Value("${connectly.simulator.port}") int port) {
        ConnectlySimulator simulator = ConnectlySimulator.builder().port(port).build().start();
        LOG.info("CONNECTLY_API_KEY is not set: using the Connectly simulator embedded at {}; chat page {}/_sim/",
                simulator.baseUrl(), simulator.baseUrl());
        return simulator;
    }

    /** Applied after the camel.component.connectly.* properties (lowest precedence runs last), so it wins over them. */
    @Bean
    public ComponentCustomizer connectlyOnTheEmbeddedSimulator(ConnectlySimulator simulator, Environment environment) {
        return ComponentCustomizer.builder(ConnectlyComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(component -> {
                    ConnectlyConfiguration configuration = component.getConfiguration();
                    configuration.setBaseUrl(simulator.baseUrl());
                    configuration.setApiKey(simulator.apiKey());
                    configuration.setBusinessId(simulator.businessId());
                    configuration.setWebhookSecret(simulator.webhookSecret());
                    // Camel starts its routes once the web server listens, so its actual port is known here
                    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
                    configuration.setWebhookAutoRegister(true);
                    configuration.setWebhookExternalUrl("http://127.0.0.1:" + port + configuration.getWebhookPath());
                });
    }
}
