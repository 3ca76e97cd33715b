package io.camelconnectly.example;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.webapp.WebAppContext;

/**
 * Hawtio (the {@code hawtio-war} web application, copied into this jar at build time) on an embedded Jetty in the
 * application's JVM: its Jolokia reads the platform MBean server, where Camel registers contexts, routes, endpoints
 * (with the connectly component's counters) and health.
 *
 * <p>Without a login Hawtio can stop routes and invoke any MBean operation, so it is served without authentication
 * only on a loopback address; any other address needs {@code hawtio.authenticationEnabled=true} and a JAAS realm.
 */
final class HawtioServer implements AutoCloseable {

    static final String WAR_RESOURCE = "hawtio/hawtio.war";
    static final String CONTEXT_PATH = "/hawtio";

    private final String host;
    private final int port;
    private Server server;
    private Path workDirectory;

    HawtioServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Checks the address before anything starts: no open Hawtio on a public interface. */
    static void checkAddress(String host) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Property example.hawtio.host is '" + host + "': not a resolvable address", e);
        }
        if (!loopback && !Boolean.getBoolean("hawtio.authenticationEnabled")) {
            throw new IllegalArgumentException("Property example.hawtio.host is '" + host + "', not a loopback address: "
                                               + "Hawtio without login would let anyone who reaches it stop routes and "
                                               + "invoke MBeans. Keep 127.0.0.1 (and use an SSH tunnel), or start with "
                                               + "-Dhawtio.authenticationEnabled=true and a JAAS realm (see the README)");
        }
    }

    synchronized void start() throws Exception {
        checkAddress(host);
        if (!Boolean.getBoolean("hawtio.authenticationEnabled")) {
            System.setProperty("hawtio.authenticationEnabled", "false");
        }
        // no connections to other JVMs' Jolokia from this Hawtio
        System.setProperty("hawtio.disableProxy", "true");

        workDirectory = Files.createTempDirectory("connectly-example-hawtio");
        Path war = workDirectory.resolve("hawtio.war");
        try (InputStream in = HawtioServer.class.getClassLoader().getResourceAsStream(WAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(WAR_RESOURCE + " is not on the classpath: build the example with Maven, "
                                                + "which copies io.hawt:hawtio-war into it");
            }
            Files.copy(in, war, StandardCopyOption.REPLACE_EXISTING);
        }

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(war.toString());
        webapp.setTempDirectory(workDirectory.resolve("webapp").toFile());
        webapp.setThrowUnavailableOnStartupException(true);
        // Hawtio logs through the application's SLF4J binding (its own would clash with it)
        webapp.getSystemClassMatcher().add("org.slf4j.");
        jetty.setHandler(webapp);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            deleteWorkDirectory();
            throw e;
        }
        server = jetty;
    }

    /** The URL of Hawtio's Camel routes page. */
    String routesUrl() {
        return baseUrl() + "/camel/routes";
    }

    String baseUrl() {
        int actualPort = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort + CONTEXT_PATH;
    }

    @Override
    public synchronized void close() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
        deleteWorkDirectory();
    }

    private void deleteWorkDirectory() {
        if (workDirectory != null) {
            IO.delete(workDirectory.toFile());
            workDirectory = null;
        }
    }
}
