package io.camelconnectly.benchmarks;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * What a careful hand-written client does to send one session message: one Apache HttpClient 5 async client (pooled,
 * keep-alive, no cookies, redirects or automatic retries) posting the same headers and JSON body the component sends,
 * the body written once. Used by the bare side and by the benchmark-only endpoint of {@code --camel plain:...}.
 */
final class BareRequest implements Closeable {

    private static final ContentType JSON = ContentType.create("application/json");

    private final String uri;
    private final byte[] body;
    private final CloseableHttpAsyncClient client;

    BareRequest(String baseUrl) {
        this.uri = baseUrl + ConnectlyStandIn.SEND_MESSAGE_PATH;
        this.body = ("{\"recipient\":{\"id\":\"" + CamelSenderApp.RECIPIENT + "\",\"channelType\":\"whatsapp\"},"
                     + "\"message\":{\"text\":\"" + CamelSenderApp.TEXT + "\"}}").getBytes(StandardCharsets.UTF_8);
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(200).setMaxConnPerRoute(200).build())
                .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
                .build();
        client.start();
    }

    /** Sends the message; the callback runs on the client's I/O thread. */
    void send(FutureCallback<SimpleHttpResponse> callback) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                .setHeader("X-API-Key", ConnectlyStandIn.API_KEY)
                .setHeader("Accept", "application/json")
                .setBody(body, JSON)
                .build();
        client.execute(request, callback);
    }

    /** A 2xx answer with its body read. */
    static boolean accepted(SimpleHttpResponse response) {
        return response.getCode() / 100 == 2 && response.getBodyBytes() != null;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
