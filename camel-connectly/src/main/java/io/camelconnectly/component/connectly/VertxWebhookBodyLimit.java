package io.camelconnectly.component.connectly;

import io.camelconnectly.component.connectly.webhook.WebhookCounters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * The webhook body bound on Vert.x platform-http (Camel Main's {@code camel.server.*}, a
 * {@link VertxPlatformHttpServer}). platform-http-vertx reads every body into memory before any Camel processor runs,
 * bounded only by the server's {@code maxBodySize} (Vert.x' body handler, which refuses with 413 as soon as the
 * Content-Length or the bytes read so far exceed it, and keeps nothing more). Without that limit an unauthenticated
 * sender makes the application buffer a post of any size, so the consumer refuses to start on such a server.
 * <p>
 * It also answers that 413 on the webhook path like the consumer's own refusals (JSON body, counted, logged once) and
 * closes the connection, so that the sender cannot keep pushing the rest of its body.
 * <p>
 * Loaded only when the application's platform-http engine is Vert.x (the dependency is optional).
 */
final class VertxWebhookBodyLimit {

    static final String ENGINE_CLASS = "org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine";

    private final Route route;
    private final Long serverLimit;

    private VertxWebhookBodyLimit(Route route, Long serverLimit) {
        this.route = route;
        this.serverLimit = serverLimit;
    }

    /**
     * @return the installed 413 answer, or null when the engine's router cannot be found (an engine we do not know)
     * @throws IllegalStateException when the application's Vert.x server reads bodies without a limit
     */
    static VertxWebhookBodyLimit install(
            CamelContext context, PlatformHttpEngine engine, String path, int maxBodySize, ConnectlyWebhookHandler handler) {
        int port = ((VertxPlatformHttpEngine) engine).getServerPort();
        VertxPlatformHttpRouter router
                = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
        }
        if (router == null) {
            return null;
        }
        VertxPlatformHttpServer server = router.getServer() != null ? router.getServer()
                : context.hasService(VertxPlatformHttpServer.class);
        Long serverLimit = server != null ? server.getMaxBodySize() : null;
        if (server != null && (serverLimit == null || serverLimit <= 0)) {
            throw new IllegalStateException(
                    "connectly:webhook on " + path + " refuses to start: the Vert.x HTTP server reads request bodies without "
                                            + "a size limit, so an unauthenticated sender could make it buffer any amount "
                                            + "before the signature is checked. Set the server's limit: "
                                            + "camel.server.maxBodySize=" + maxBodySize
                                            + " (Camel Main; at least the consumer's maxBodySize " + maxBodySize
                                            + "), or VertxPlatformHttpServerConfiguration.setMaxBodySize");
        }
        // a route with only a failure handler: it sees the server's 413 on this path and nothing else
        Route route = router.route(path).failureHandler(failed -> {
            if (failed.response().ended()) {
                // e.g. the connection we closed after our 413 fails the request once more: nothing left to answer
                return;
            }
            if (failed.statusCode() != 413) {
                failed.next();
                return;
            }
            handler.rejectedWhileReading(path, failed.request().getHeader(HttpHeaders.CONTENT_LENGTH), serverLimit);
            HttpServerResponse response = failed.response();
            response.setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(WebhookCounters.Rejection.TOO_LARGE.answer())
                    .onComplete(written -> failed.request().connection().close());
        });
        return new VertxWebhookBodyLimit(route, serverLimit);
    }

    /** The server's body limit, or null when no server of ours was found (e.g. Quarkus: its own limit applies). */
    Long serverLimit() {
        return serverLimit;
    }

    void remove() {
        route.remove();
    }
}
