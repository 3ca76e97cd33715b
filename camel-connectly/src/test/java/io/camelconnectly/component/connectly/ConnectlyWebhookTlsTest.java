package io.camelconnectly.component.connectly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connectly only posts to HTTPS: the consumer served over TLS by the platform-http server configured with Camel's
 * SSLContextParameters (what camel.server.useGlobalSslContextParameters + camel.ssl.* do in Camel Main). The key store
 * is a self-signed certificate for localhost made with keytool when the test starts.
 */
class ConnectlyWebhookTlsTest extends WebhookHttpTestSupport {

    private static final String PASSWORD = "test-only-password";
    private static Path keyStore;

    @BeforeAll
    static void createSelfSignedKeyStore() throws Exception {
        keyStore = TestKeyStores.selfSignedLocalhost(Path.of("target", "tls-test", "localhost.p12"), PASSWORD);
    }

    @Override
    protected VertxPlatformHttpServerConfiguration serverConfiguration() throws Exception {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keyStore.toAbsolutePath());
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(store);
        keyManagers.setKeyPassword(PASSWORD);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keyManagers);

        VertxPlatformHttpServerConfiguration configuration = super.serverConfiguration();
        configuration.setSslContextParameters(tls);
        return configuration;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookSecret=" + SECRET).to("mock:tls");
            }
        };
    }

    private HttpRequest signedPost() {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/connectly/webhook"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header(WebhookSignatureVerifier.SIGNATURE_HEADER, VECTOR_1_SIGNATURE)
                .POST(HttpRequest.BodyPublishers.ofString(COMPACT_INBOUND_TEXT)).build();
    }

    @Test
    void receivesSignedPostsOverHttps() throws Exception {
        SSLContext clientTls = TestKeyStores.trusting(keyStore, PASSWORD);
        HttpClient httpsClient = HttpClient.newBuilder().sslContext(clientTls).connectTimeout(Duration.ofSeconds(5)).build();
        MockEndpoint tls = getMockEndpoint("mock:tls");
        tls.expectedMessageCount(1);
        tls.expectedHeaderReceived(ConnectlyConstants.EVENT_TYPE, "text");

        HttpResponse<String> response = httpsClient.send(signedPost(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getScheme()).isEqualTo("https");
        assertThat(response.sslSession()).isPresent();
        assertThat(response.body()).isEqualTo("{\"status\":\"processed\"}");
        tls.assertIsSatisfied();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotPost() {
        MockEndpoint tls = getMockEndpoint("mock:tls");
        tls.expectedMessageCount(0);
        assertThatThrownBy(() -> client.send(signedPost(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(SSLHandshakeException.class, java.io.IOException.class);
        // and plain HTTP on the TLS port is no way around it
        assertThatThrownBy(() -> post("/connectly/webhook", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE))
                .isInstanceOf(Exception.class);
        assertThat(tls.getReceivedCounter()).isZero();
    }
}
