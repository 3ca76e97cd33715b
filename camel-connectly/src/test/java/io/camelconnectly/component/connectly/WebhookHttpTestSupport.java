package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import io.camelconnectly.component.connectly.webhook.WebhookFixtures;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Runs the routes under test on a real platform-http server (Vert.x) bound to 127.0.0.1 on a free port, and posts to
 * it with the JDK HTTP client, as Connectly would.
 */
public abstract class WebhookHttpTestSupport extends CamelTestSupport {

    protected final int port = AvailablePortFinder.getNextAvailable();
    protected final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addService(new VertxPlatformHttpServer(serverConfiguration()));
        return context;
    }

    protected VertxPlatformHttpServerConfiguration serverConfiguration() throws Exception {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        // connectly:webhook refuses to start on a server that reads bodies without a limit
        configuration.setMaxBodySize(1_048_576L);
        return configuration;
    }

    /** The routes of a test that looks only at what reaches the route: connectly:webhook with the fixtures' secret. */
    protected static RoutesBuilder webhookTo(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret=" + WebhookFixtures.SECRET).to(uri);
            }
        };
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected HttpResponse<String> post(String path, byte[] body, String signature) throws Exception {
        return postAsync(path, body, signature, "text/plain; charset=utf-8").get();
    }

    protected CompletableFuture<HttpResponse<String>> postAsync(String path, byte[] body, String signature, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .header("User-Agent", "go-resty/2.6.0 (https://github.com/go-resty/resty)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
