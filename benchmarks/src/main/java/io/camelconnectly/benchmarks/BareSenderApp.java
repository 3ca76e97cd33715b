package io.camelconnectly.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
 * The producer benchmark's baseline, in its own JVM: what a careful hand-written client does to send one session
 * message: a bare Apache HttpClient 5 async client (pooled, keep-alive, no cookies, redirects or automatic retries),
 * the same POST, headers and JSON body the component sends, the answer read in full. No Camel.
 * <p>
 * Usage: {@code BareSenderApp BASE_URL}; then the commands of {@link ClosedLoop#serve}.
 */
public final class BareSenderApp {

    private static final ContentType JSON = ContentType.create("application/json");

    private BareSenderApp() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0] + ConnectlyStandIn.SEND_MESSAGE_PATH;
        byte[] body = ("{\"recipient\":{\"id\":\"" + CamelSenderApp.RECIPIENT + "\",\"channelType\":\"whatsapp\"},"
                       + "\"message\":{\"text\":\"" + CamelSenderApp.TEXT + "\"}}").getBytes(StandardCharsets.UTF_8);
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(200).setMaxConnPerRoute(200).build())
                .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
                .build();
        client.start();
        ChildCommands common = new ChildCommands();
        Protocol.reply("ready", Map.of("side", "bare"));
        ClosedLoop.serve(done -> {
            SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                    .setHeader("X-API-Key", ConnectlyStandIn.API_KEY)
                    .setHeader("Accept", "application/json")
                    .setBody(body, JSON)
                    .build();
            client.execute(request, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    done.complete(response.getCode() / 100 == 2 && response.getBodyBytes() != null);
                }

                @Override
                public void failed(Exception ex) {
                    done.complete(false);
                }

                @Override
                public void cancelled() {
                    done.complete(false);
                }
            });
        }, common);
        client.close(CloseMode.GRACEFUL);
    }
}
