package io.camelconnectly.component.connectly.springboot;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.camelconnectly.component.connectly.ConnectlyEndpoint;
import io.camelconnectly.component.connectly.webhook.RejectionLog;
import io.camelconnectly.component.connectly.webhook.WebhookCounters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the memory a post to a {@code connectly:webhook} path can take on Spring Boot's servlet engine. The
 * platform-http engine hands the consumer the request body unread (a Reader over the servlet input stream), and
 * reading it to verify the signature would take whatever a client sends, signed or not. This filter refuses a
 * {@code Content-Length} above the endpoint's {@code maxBodySize} without reading, and otherwise reads at most
 * maxBodySize + 1 bytes itself: a body past the limit (e.g. chunked, with no length announced) is answered 413 the
 * moment it crosses the limit, and the rest is never read. A body within the limit goes on to the consumer as the exact
 * bytes received. Other paths and methods pass untouched (the consumer answers 405 itself).
 * <p>
 * Refusals are counted on the endpoint like the consumer's own ({@code WebhooksReceived},
 * {@code WebhooksRejectedTooLarge}) and logged the same way: reason and sizes, never the body.
 */
public class ConnectlyWebhookBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectlyWebhookBodyLimitFilter.class);
    private static final byte[] TOO_LARGE = WebhookCounters.Rejection.TOO_LARGE.answer().getBytes(StandardCharsets.UTF_8);
    private static final int READ_CHUNK = 8192;

    private final ConnectlyWebhookEndpoints endpoints;
    private final RejectionLog rejectionLog = new RejectionLog(LOG, 1);

    public ConnectlyWebhookBodyLimitFilter(ConnectlyWebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConnectlyEndpoint endpoint = "POST".equals(request.getMethod()) ? endpoints.forPath(pathWithinApplication(request)) : null;
        if (endpoint == null) {
            chain.doFilter(request, response);
            return;
        }
        int maxBodySize = endpoint.getConfiguration().getMaxBodySize();
        long declared = request.getContentLengthLong();
        if (declared > maxBodySize) {
            refuse(request, response, endpoint, "Content-Length " + declared + " exceeds maxBodySize " + maxBodySize, declared);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodySize, declared);
        if (body == null) {
            refuse(request, response, endpoint,
                    "body exceeds maxBodySize " + maxBodySize + " (refused without reading the rest)", maxBodySize + 1L);
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    /** @return the body, or null when it has more than max bytes (then only max + 1 bytes were read) */
    static byte[] readAtMost(InputStream in, int max, long declared) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared >= 0 ? (int) declared : Math.min(max, READ_CHUNK));
        byte[] chunk = new byte[READ_CHUNK];
        int n;
        while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, max + 1L - body.size()))) > 0) {
            body.write(chunk, 0, n);
            if (body.size() > max) {
                return null;
            }
        }
        return body.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ConnectlyEndpoint endpoint, String why,
                        long bodyLength) throws IOException {
        WebhookCounters counters = endpoint.getWebhookCounters();
        counters.received();
        counters.rejected(WebhookCounters.Rejection.TOO_LARGE);
        rejectionLog.log(0, "Connectly webhook rejected with 413 (too_large): {}; path {}, {} bytes", why,
                request.getRequestURI(), bodyLength);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        // the unread rest of the body is not worth draining: the connection ends with this answer
        response.setHeader("Connection", "close");
        response.setContentLength(TOO_LARGE.length);
        response.getOutputStream().write(TOO_LARGE);
        response.flushBuffer();
    }

    /**
     * The path Spring MVC matches platform-http routes against: without context path and servlet path prefix,
     * percent-decoded, path parameters (";...") dropped.
     */
    static String pathWithinApplication(HttpServletRequest request) {
        RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping != null && mapping.getMappingMatch() == MappingMatch.PATH && !request.getServletPath().isEmpty()) {
            path = path.modifyContextPath(path.contextPath().value() + request.getServletPath());
        }
        StringBuilder normalized = new StringBuilder();
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            normalized.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return normalized.toString();
    }

    /** The request with its body already read, served again to whoever reads it next, as bytes or as characters. */
    static final class ReadBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was read already; asynchronous reading is not supported");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
