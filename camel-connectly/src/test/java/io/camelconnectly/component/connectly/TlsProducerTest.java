package io.camelconnectly.component.connectly;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;


import io.camelconnectly.component.connectly.client.ConnectlyConnectionException;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls over HTTPS trust the server through the endpoint's SSLContextParameters. The server's self-signed certificate is
 * made with the JDK's keytool at test time.
 */
class TlsProducerTest extends ConnectlyTestSupport {

    private static final String PASSWORD = "changeit";
    private static Path keystore;
    private static RecordingHttpServer httpsServer;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keystore = TestKeyStores.selfSignedLocalhost(Files.createTempDirectory("connectly-tls").resolve("server.p12"), PASSWORD);
        httpsServer = new RecordingHttpServer(TestKeyStores.serving(keystore, PASSWORD));
    }

    @AfterAll
    static void stopHttpsServer() throws Exception {
        httpsServer.close();
        Files.deleteIfExists(keystore);
        Files.deleteIfExists(keystore.getParent());
    }

    @Test
    void trustsTheServerThroughSslContextParameters() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + new File(keystore.toString()).getAbsolutePath());
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        context.getRegistry().bind("connectlyTls", tls);

        Exchange exchange = send("connectly:sendMessage?recipient=%2B16045550123&sslContextParameters=#connectlyTls&baseUrl="
                                 + httpsServer.baseUrl(), "over TLS");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(RecordingHttpServer.DEFAULT_MESSAGE_ID);
        assertThat(httpsServer.last().path).isEqualTo(BUSINESS_PATH + "/send/messages");
    }

    @Test
    void anUntrustedCertificateFailsWithoutRetrying() {
        int before = httpsServer.requests().size();
        Exchange exchange = send("connectly:sendMessage?recipient=%2B16045550123&baseUrl=" + httpsServer.baseUrl(), "over TLS");

        assertThat(exchange.getException()).isInstanceOf(ConnectlyConnectionException.class);
        ConnectlyConnectionException error = (ConnectlyConnectionException) exchange.getException();
        assertThat(error.getAttempts()).isEqualTo(1);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("sslContextParameters");
        assertThat(httpsServer.requests()).hasSize(before);
    }
}
