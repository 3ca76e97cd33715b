package io.camelconnectly.examples.springboot;

import io.hawt.springboot.HawtioEndpointAutoConfiguration;
import org.jolokia.support.spring.actuator.JolokiaWebEndpointAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's Actuator configuration (Hawtio's and Jolokia's auto-configuration, the example's exposure
 * settings) with {@link HawtioLoopbackGuard}, without starting any server: which addresses it accepts for an open
 * Hawtio.
 */
class HawtioLoopbackGuardTest {

    final WebApplicationContextRunner application = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServletWebServerFactoryAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, EndpointAutoConfiguration.class,
                    WebEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
                    ServletManagementContextAutoConfiguration.class,
                    JolokiaWebEndpointAutoConfiguration.class,
                    HawtioEndpointAutoConfiguration.class))
            .withUserConfiguration(HawtioLoopbackGuard.class)
            .withPropertyValues("management.endpoints.web.exposure.include=health,hawtio,jolokia",
                    "hawtio.authenticationEnabled=false", "server.port=8080");

    @Test
    void theDefaultsServeHawtioOnLoopbackOnly() {
        application.withPropertyValues("management.server.port=8081", "management.server.address=127.0.0.1")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HawtioLoopbackGuard.class));
        application.withPropertyValues("management.server.port=8081", "management.server.address=::1")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anOpenHawtioOnAnotherAddressIsRefusedWithWhatToChange() {
        application.withPropertyValues("management.server.port=8081", "management.server.address=0.0.0.0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("without a login on 0.0.0.0 (management.server.address)")
                        .hasMessageContaining("management.server.address=127.0.0.1")
                        .hasMessageContaining("hawtio.authenticationEnabled=true"));
        // no address: every interface
        application.withPropertyValues("management.server.port=8081")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("every network interface (management.server.address is not set)"));
    }

    @Test
    void onTheApplicationsOwnPortTheApplicationsAddressCounts() {
        application.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("every network interface (server.address is not set)"));
        application.withPropertyValues("server.address=127.0.0.1")
                .run(context -> assertThat(context).hasNotFailed());
        // management.server.address is ignored when Actuator shares the application's port
        application.withPropertyValues("management.server.port=8080", "management.server.address=127.0.0.1")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anywhereGoesWithHawtiosLoginOrWithoutHawtioAndJolokia() {
        application.withPropertyValues("management.server.port=8081", "management.server.address=0.0.0.0",
                        "hawtio.authenticationEnabled=true")
                .run(context -> assertThat(context).hasNotFailed());
        application.withPropertyValues("management.server.port=8081", "management.server.address=0.0.0.0",
                        "management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).hasNotFailed());
        // Hawtio off: nothing guards Actuator's Jolokia, whatever hawtio.authenticationEnabled says
        application.withPropertyValues("management.server.port=8081", "management.server.address=0.0.0.0",
                        "hawtio.enabled=false", "hawtio.authenticationEnabled=true")
                .run(context -> assertThat(context).hasFailed());
        // the Actuator server is off
        application.withPropertyValues("management.server.port=-1")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
