package io.camelconnectly.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.WebhookSigner;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel context the way an application runs the Kamelets: the connectly component configured once with the
 * simulator's coordinates (as camel.component.connectly.* would), a platform-http server (Vert.x) on 127.0.0.1 and a
 * free port for connectly-source, and the webhook secret as property connectly.webhook-secret.
 */
abstract class RoutesTestSupport extends CamelTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected final int port = AvailablePortFinder.getNextAvailable();

    /** The simulator of the test class. */
    protected abstract ConnectlySimulatorExtension sim();

    static ConnectlySimulator.Builder quickSimulator() {
        return ConnectlySimulator.builder()
                .statusDelay(Duration.ofMillis(20))
                .webhookRetryDelay(Duration.ofMillis(100))
                .webhookTimeout(Duration.ofSeconds(10)) // a busy build machine must not turn an answer into a timeout
                .eventLoops(1);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        configure(context, sim(), port);
        return context;
    }

    /** What an application's configuration does; also used for a second instance in the same test. */
    static void configure(CamelContext context, ConnectlySimulatorExtension sim, int port) {
        ConnectlyComponent connectly = new ConnectlyComponent();
        connectly.getConfiguration().setApiKey(sim.apiKey());
        connectly.getConfiguration().setBusinessId(sim.businessId());
        connectly.getConfiguration().setBaseUrl(sim.baseUrl());
        // as README's camel.component.connectly.webhook-secret: connectly-source takes the component's secret
        connectly.getConfiguration().setWebhookSecret(sim.webhookSecret());
        connectly.getConfiguration().setRetryInitialDelay(5);
        connectly.getConfiguration().setRetryMaxDelay(50);
        context.addComponent("connectly", connectly);

        Properties properties = new Properties();
        properties.setProperty("connectly.webhook-secret", sim.webhookSecret());
        properties.setProperty("connectly.api-key", sim.apiKey());
        properties.setProperty("connectly.business-id", sim.businessId());
        properties.setProperty("connectly.base-url", sim.baseUrl());
        context.getPropertiesComponent().setOverrideProperties(properties);

        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        // connectly:webhook refuses a server without a body limit
        server.setMaxBodySize(1048576L);
        try {
            context.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected void loadYaml(String name, String yaml) throws Exception {
        loadYaml(context, name, yaml);
    }

    static void loadYaml(CamelContext context, String name, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name + ".yaml", yaml));
    }

    /** Registers address base + path for a topic through the simulator's API, as the Connectly dashboard would. */
    static void registerWebhook(ConnectlySimulatorExtension sim, String topic, String address) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/v1/businesses/" + sim.businessId() + "/create/webhooks"))
                .header("X-API-Key", sim.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"" + topic + "\",\"address\":\"" + address + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Posts a webhook body signed with the simulator's secret, as Connectly does. */
    static HttpResponse<String> postSigned(ConnectlySimulatorExtension sim, String url, String json) throws Exception {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header(WebhookSigner.HEADER, new WebhookSigner(sim.webhookSecret()).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the approved template welcome to a customer through the component and returns the message id. */
    protected String sendWelcome(String customer) {
        Exchange sent = template.send("connectly:sendTemplatedMessage?templateName=welcome", exchange -> exchange.getMessage()
                .setHeader(ConnectlyConstants.RECIPIENT, customer));
        assertThat(sent.getException()).isNull();
        return sent.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
    }

    protected ChatMessage lastOutbound(String customer) {
        List<ChatMessage> outbound = sim().get().conversation(customer).stream().filter(ChatMessage::outbound).toList();
        assertThat(outbound).as("messages sent to " + customer).isNotEmpty();
        return outbound.get(outbound.size() - 1);
    }
}
