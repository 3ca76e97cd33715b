package io.camelconnectly.examples.springboot;

import java.net.InetAddress;
import java.util.Map;

import io.hawt.springboot.EndpointPathResolver;
import io.hawt.springboot.HawtioEndpoint;
import io.hawt.springboot.HawtioProperties;
import io.hawt.system.ConfigManager;
import io.hawt.web.auth.AuthenticationConfiguration;
import org.jolokia.support.spring.actuator.JolokiaWebEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Hawtio, and the Actuator Jolokia endpoint it reads, let whoever reaches them stop routes and invoke any MBean
 * operation. The example serves them without a login, so this refuses to start the application when they would listen
 * on anything but a loopback address while Hawtio's login is off; and once the application is ready it logs Hawtio's
 * URL.
 */
@Component
public class HawtioLoopbackGuard {

    private static final Logger LOG = LoggerFactory.getLogger(HawtioLoopbackGuard.class);

    private final Environment environment;
    private final ObjectProvider<EndpointPathResolver> hawtioPaths;

    public HawtioLoopbackGuard(Environment environment, ObjectProvider<HawtioEndpoint> hawtio,
                               ObjectProvider<JolokiaWebEndpoint> jolokia,
                               ObjectProvider<HawtioProperties> hawtioProperties,
                               ObjectProvider<EndpointPathResolver> hawtioPaths) {
        this.environment = environment;
        this.hawtioPaths = hawtioPaths;
        boolean exposed = hawtio.getIfAvailable() != null || jolokia.getIfAvailable() != null;
        HawtioProperties properties = hawtioProperties.getIfAvailable();
        // without Hawtio, nothing guards Actuator's Jolokia
        boolean login = properties != null && hawtioLoginEnabled(properties.get());
        if (exposed && !login) {
            requireLoopback(ManagementPortType.get(environment), listenAddress(environment));
        }
    }

    /**
     * Read as Hawtio reads it: system property {@code hawtio.auth}, then {@code hawtio.authenticationEnabled} as a
     * system property, then as a Spring property; on by default.
     */
    static boolean hawtioLoginEnabled(Map<String, String> springHawtioProperties) {
        String auth = System.getProperty(AuthenticationConfiguration.HAWTIO_AUTH);
        if (auth != null) {
            return Boolean.parseBoolean(auth);
        }
        return new ConfigManager(springHawtioProperties::get)
                .getBoolean(AuthenticationConfiguration.AUTHENTICATION_ENABLED, true);
    }

    /** The address Actuator's endpoints listen on: the management server's when it has its own port. */
    static InetAddress listenAddress(Environment environment) {
        String property = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                ? "management.server.address" : "server.address";
        return Binder.get(environment).bind(property, InetAddress.class).orElse(null);
    }

    /**
     * @param address null: every interface
     * @throws IllegalStateException naming the properties to change, unless the address is a loopback one
     */
    static void requireLoopback(ManagementPortType portType, InetAddress address) {
        if (portType == ManagementPortType.DISABLED || (address != null && address.isLoopbackAddress())) {
            return;
        }
        String property = portType == ManagementPortType.DIFFERENT ? "management.server.address" : "server.address";
        String where = address == null ? "every network interface (" + property + " is not set)"
                : address.getHostAddress() + " (" + property + ")";
        throw new IllegalStateException("Hawtio and Jolokia would be served without a login on " + where
                                        + ": anyone who reaches that port could stop routes and invoke any MBean. Keep "
                                        + "management.server.address=127.0.0.1 with its own management.server.port "
                                        + "(reach it from elsewhere through an SSH tunnel), or turn on Hawtio's login "
                                        + "(-Dhawtio.authenticationEnabled=true with Spring Security or a JAAS realm; "
                                        + "see README), or leave hawtio and jolokia out of "
                                        + "management.endpoints.web.exposure.include");
    }

    @EventListener(ApplicationReadyEvent.class)
    void logHawtioUrl() {
        EndpointPathResolver paths = hawtioPaths.getIfAvailable();
        String port = environment.getProperty("local.management.port", environment.getProperty("local.server.port"));
        if (paths == null || port == null) {
            return;
        }
        InetAddress address = listenAddress(environment);
        String host = address == null ? "127.0.0.1" : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        LOG.info("Hawtio (Camel tab: routes, exchanges, route diagrams, endpoints' JMX counters): http://{}:{}{}{}/",
                host, port, paths.resolveContextPath(), paths.resolve("hawtio"));
    }
}
