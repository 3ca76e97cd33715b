package io.camelconnectly.component.connectly;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

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
        keystore = Files.createTempDirectory("connectly-tls").resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        httpsServer = new RecordingHttpServer(serverContext);
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
