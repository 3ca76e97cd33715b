package io.camelconnectly.component.connectly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unauthenticated sender cannot make the application buffer much more than the body limit: a chunked 64 MiB post
 * with a bogus signature is refused 413 while it is being read, and its connection closed, so the sender cannot push
 * the rest (measured: the bytes the server let the client write). The server here reads at most 64 KiB; the consumer's
 * own maxBodySize (100) applies to what it reads itself: a servlet engine's unread stream.
 */
class ConnectlyWebhookBodyLimitTest extends WebhookHttpTestSupport {

    private static final long SERVER_LIMIT = 64 * 1024;
    private static final long UPLOAD = 64L << 20;

    @Override
    protected VertxPlatformHttpServerConfiguration serverConfiguration() throws Exception {
        VertxPlatformHttpServerConfiguration configuration = super.serverConfiguration();
        configuration.setMaxBodySize(SERVER_LIMIT);
        return configuration;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=/small&maxBodySize=100&webhookSecret=" + SECRET).routeId("small")
                        .to("mock:small");
            }
        };
    }

    private ConnectlyEndpoint endpoint() {
        return (ConnectlyEndpoint) context.getRoute("small").getEndpoint();
    }

    @Test
    void aChunked64MiBPostIsRefusedWhileReadingAndItsConnectionClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                       + WebhookSignatureVerifier.SIGNATURE_HEADER + ": bogus\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readResponse(in));

            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long written = 0;
            try {
                while (written < UPLOAD && !answer.isDone()) {
                    out.write(chunkHeader);
                    out.write(chunk);
                    out.write('\r');
                    out.write('\n');
                    written += chunk.length;
                }
            } catch (IOException closedByTheServer) {
                // expected: the server closed the connection after its 413
            }

            assertThat(answer.get(15, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413").endsWith("{\"error\":\"too_large\"}");
            // what the server let in: its 64 KiB limit plus what the sockets' buffers held, never the 64 MiB
            assertThat(written).as("bytes the client could send").isLessThan(16L << 20);
            assertThat(in.read()).as("connection closed by the server").isEqualTo(-1);
        }
        getMockEndpoint("mock:small").expectedMessageCount(0);
        getMockEndpoint("mock:small").assertIsSatisfied(100);
        assertThat(endpoint().getWebhooksRejectedTooLarge()).isEqualTo(1);
        assertThat(endpoint().getWebhooksReceived()).isEqualTo(1);
    }

    @Test
    void aDeclaredContentLengthAboveTheLimitIsRefusedBeforeReadingAnything() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                                            + "Content-Length: " + UPLOAD + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    /** What a servlet engine (Spring Boot) hands over: the request's stream, unread; read no further than maxBodySize. */
    @Test
    void aStreamedBodyIsReadNoFurtherThanMaxBodySize() throws Exception {
        ConnectlyWebhookHandler handler = new ConnectlyWebhookHandler(endpoint(), new NeverRouted());
        handler.start();
        try {
            CountingStream stream = new CountingStream(UPLOAD);
            Exchange streamed = post(stream);
            handler.process(streamed);
            assertThat(streamed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(413);
            assertThat(stream.read).isEqualTo(101);

            CountingReader reader = new CountingReader(UPLOAD);
            Exchange read = post(reader);
            handler.process(read);
            assertThat(read.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(413);
            assertThat(reader.read).isEqualTo(101);
        } finally {
            handler.stop();
        }
    }

    @Test
    void refusesToStartOnAVertxServerThatReadsBodiesWithoutALimit() throws Exception {
        VertxPlatformHttpServerConfiguration unlimited = new VertxPlatformHttpServerConfiguration();
        unlimited.setBindHost("127.0.0.1");
        unlimited.setBindPort(AvailablePortFinder.getNextAvailable());
        try (CamelContext unbounded = new DefaultCamelContext()) {
            unbounded.addService(new VertxPlatformHttpServer(unlimited));
            unbounded.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("connectly:webhook?webhookSecret=" + SECRET).to("log:events");
                }
            });
            // the refusal itself reaches the user, not wrapped in a hint to add an HTTP server
            assertThatThrownBy(unbounded::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("connectly:webhook on /connectly/webhook refuses to start")
                    .hasMessageContaining("without a size limit")
                    .hasMessageContaining("camel.server.maxBodySize=1048576")
                    .hasMessageNotContaining(SECRET);
        }
    }

    private Exchange post(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(WebhookSignatureVerifier.SIGNATURE_HEADER, "bogus");
        exchange.getMessage().setBody(body);
        return exchange;
    }

    /** Status line, headers and a Content-Length body. */
    private static String readResponse(InputStream in) {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class NeverRouted implements ConnectlyWebhookHandler.RouteTarget {
        @Override
        public Exchange eventExchange(Exchange http) {
            throw new AssertionError("a refused post must not be routed");
        }

        @Override
        public AsyncProcessor processor() {
            throw new AssertionError("a refused post must not be routed");
        }

        @Override
        public boolean inPlace() {
            return false;
        }

        @Override
        public void release(Exchange event) {
        }
    }

    /** A long body generated as it is read, counting what was read. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'a';
        }
    }

    private static final class CountingReader extends Reader {
        private final long size;
        long read;

        CountingReader(long size) {
            this.size = size;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            java.util.Arrays.fill(buffer, offset, offset + n, 'a');
            read += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
