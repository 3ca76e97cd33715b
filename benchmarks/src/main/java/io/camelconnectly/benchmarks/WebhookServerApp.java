package io.camelconnectly.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The webhook benchmark's measured application, in its own JVM: a Camel Main application with its HTTP server
 * ({@code camel.server.enabled=true}, Vert.x platform-http) and one route, configured as a user does:
 * <ul>
 * <li>{@code connectly}: {@code from("connectly:webhook?webhookSecret={{connectly.webhook-secret}}")} (verify, parse,
 * deduplicate with the default in-memory store, route the typed event, answer);</li>
 * <li>{@code bare}: {@code from("platform-http:/bare?httpMethodRestrict=POST")} answering a String, as a plain route
 * does (no verification).</li>
 * </ul>
 * Each route ends in the same one-line processor that counts what it routed. Usage: {@code WebhookServerApp ROUTE PORT};
 * commands: {@code stats} (routed, the consumer's counters and what the JVM spent since the previous {@code stats}),
 * {@code jfr-start FILE}, {@code jfr-stop}, {@code quit}.
 */
public final class WebhookServerApp {

    static final String SECRET = "whsec_bench_3c1f";
    static final String CONNECTLY_PATH = "/connectly/webhook";
    static final String BARE_PATH = "/bare";
    static final String BARE_ANSWER = "{\"status\":\"processed\"}";

    private final LongAdder routed = new LongAdder();
    private ConnectlyEndpoint endpoint;

    private WebhookServerApp() {
    }

    public static void main(String[] args) throws Exception {
        new WebhookServerApp().run(args[0], Integer.parseInt(args[1]));
    }

    private void run(String route, int port) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "connectly-webhook-benchmark");
        main.addInitialProperty("camel.server.enabled", "true");
        // connectly:webhook requires the server's body limit; the bare route gets the same server
        main.addInitialProperty("camel.server.maxBodySize", "1048576");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("connectly.webhook-secret", SECRET);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                switch (route) {
                    case "connectly" -> from("connectly:webhook?webhookSecret={{connectly.webhook-secret}}").routeId(route)
                            .process(exchange -> routed.increment());
                    case "bare" -> from("platform-http:" + BARE_PATH + "?httpMethodRestrict=POST").routeId(route)
                            .process(exchange -> {
                                routed.increment();
                                exchange.getMessage().setBody(BARE_ANSWER);
                            });
                    default -> throw new IllegalArgumentException("route " + route + " is unknown; allowed: connectly, bare");
                }
            }
        });
        main.start();
        if (route.equals("connectly")) {
            endpoint = (ConnectlyEndpoint) main.getCamelContext().getRoute(route).getEndpoint();
        }
        ChildCommands common = new ChildCommands();
        Protocol.reply("ready", Map.of("route", route, "port", port));
        Protocol.serve(common.with(Map.of("stats", args -> Protocol.reply("stats", common.probe().sinceLastCall(counters())))));
        main.stop();
    }

    private Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("routed", routed.sum());
        if (endpoint != null) {
            counters.put("received", endpoint.getWebhooksReceived());
            counters.put("processed", endpoint.getWebhooksProcessed());
            counters.put("duplicates", endpoint.getWebhooksDuplicates());
            counters.put("inFlightDuplicates", endpoint.getWebhooksInFlightDuplicates());
            counters.put("rejected", endpoint.getWebhooksRejected());
            counters.put("routeFailures", endpoint.getWebhooksRouteFailures());
        }
        return counters;
    }
}
