package io.camelconnectly.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP front: routes {@code /v1/businesses/{businessId}/...} to {@link ConnectlyApi}, checks the key, the
 * business and the rate limit, applies injected faults, answers errors with Connectly's error body, counts what took
 * effect and records every request. Runs on the event loop; routing is plain string comparison (no regex) to keep
 * the send path cheap.
 */
final class ApiHandler implements Handler<HttpServerRequest> {

    private static final String API_PREFIX = "/v1/businesses/";
    private static final String JSON = "application/json";
    private static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Jackson's "(start marker at [Source: ...])" aside, noise for the API user. */
    private static final java.util.regex.Pattern JACKSON_SOURCE = java.util.regex.Pattern.compile(" ?\\([^()]*\\[Source:[^\\]]*\\][^()]*\\)");

    private final ObjectMapper mapper;
    private final SimulatorSettings settings;
    private final ConnectlyApi api;
    private final RateLimiter rateLimiter;
    private final BoundedLog<RecordedRequest> requests;
    private final SimulatorClock clock;
    private final Handler<HttpServerRequest> inspection;
    private final byte[] apiKeyBytes;
    private final FaultInjector faults;
    private final OperationCounters counters;
    private final Vertx vertx;

    ApiHandler(Vertx vertx, ObjectMapper mapper, SimulatorSettings settings, ConnectlyApi api, RateLimiter rateLimiter,
               BoundedLog<RecordedRequest> requests, SimulatorClock clock, Handler<HttpServerRequest> inspection,
               FaultInjector faults, OperationCounters counters) {
        this.vertx = vertx;
        this.faults = faults;
        this.counters = counters;
        this.mapper = mapper;
        this.settings = settings;
        this.api = api;
        this.rateLimiter = rateLimiter;
        this.requests = requests;
        this.clock = clock;
        this.inspection = inspection;
        this.apiKeyBytes = settings.apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith(API_PREFIX)) {
            inspection.handle(request);
            return;
        }
        String length = request.getHeader("content-length");
        if (length != null && length.length() > 7) {
            request.response().setStatusCode(413).end();
            return;
        }
        request.body().onComplete(result -> {
            if (result.failed()) {
                request.response().setStatusCode(400).end();
                return;
            }
            Buffer body = result.result();
            if (body.length() > MAX_BODY_BYTES) {
                request.response().setStatusCode(413).end();
                return;
            }
            respond(request, path, body);
        });
    }

    /** One HTTP answer, written now, later (delay fault) or in part (reset fault). */
    private record Answer(int status, String body, String contentType, String retryAfter) {
    }

    private void respond(HttpServerRequest request, String path, Buffer body) {
        ApiOperation operation = null;
        Fault fault = null;
        Answer answer;
        try {
            int businessEnd = path.indexOf('/', API_PREFIX.length());
            String operationPath = businessEnd < 0 ? "" : path.substring(businessEnd + 1);
            operation = authorize(request, path, businessEnd, operationPath);
            counters.request(operation);
            fault = faults.select(operation);
            if (fault != null) {
                counters.faulted(operation);
            }
            if (fault != null && fault.kind() == Fault.Kind.STATUS && !fault.takesEffect()) {
                answer = faultAnswer(fault);
            } else {
                answer = new Answer(200, execute(operation, operationPath, body), JSON, null);
                counters.tookEffect(operation);
                if (fault != null && fault.kind() == Fault.Kind.STATUS) {
                    answer = faultAnswer(fault);
                }
            }
        } catch (ApiError e) {
            answer = new Answer(e.status, api.write(api.errorBody(e.getMessage(), e.type, e.code, e.userTitle)), JSON,
                    e.retryAfterSeconds);
        } catch (RuntimeException e) {
            answer = new Answer(500, api.write(api.errorBody("Internal error in the simulator: " + e, "ERROR_TYPE_INTERNAL",
                    "ERROR_CODE_INTERNAL", "Internal error")), JSON, null);
        }
        record(request, path, body, answer.status, fault == null ? null : fault.describe());
        if (fault == null || fault.kind() == Fault.Kind.STATUS) {
            write(request, answer);
        } else if (fault.kind() == Fault.Kind.DELAY) {
            Answer delayed = answer;
            vertx.setTimer(fault.delayDuration().toMillis(), timer -> write(request, delayed));
        } else {
            writeHalfThenReset(request, answer);
        }
    }

    private static void write(HttpServerRequest request, Answer answer) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return; // the client gave up on a delayed answer
        }
        response.setStatusCode(answer.status).putHeader("content-type", answer.contentType);
        if (answer.retryAfter != null) {
            response.putHeader("retry-after", answer.retryAfter);
        }
        response.end(answer.body);
    }

    /**
     * Sends the status line, the headers (with the full Content-Length) and half of the body, then resets the TCP
     * connection: SO_LINGER 0 makes the close an RST instead of an orderly FIN.
     */
    private static void writeHalfThenReset(HttpServerRequest request, Answer answer) {
        Buffer full = Buffer.buffer(answer.body);
        HttpServerResponse response = request.response()
                .setStatusCode(answer.status)
                .putHeader("content-type", answer.contentType)
                .putHeader("content-length", Integer.toString(full.length()));
        response.write(full.slice(0, full.length() / 2)).onComplete(written -> {
            HttpConnection connection = request.connection();
            if (connection instanceof ConnectionBase base) {
                // Vert.x has no public reset for HTTP/1.1; its connection wraps the Netty channel that has one
                base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                base.channel().close();
            } else {
                connection.close();
            }
        });
    }

    private Answer faultAnswer(Fault fault) {
        int status = fault.httpStatus();
        String retryAfter = fault.retryAfterSeconds() >= 0 ? Long.toString(fault.retryAfterSeconds()) : null;
        if (!fault.errorBody()) {
            return new Answer(status, HttpResponseStatus.valueOf(status).reasonPhrase(), "text/plain; charset=utf-8", retryAfter);
        }
        String message = "Simulated failure injected by the test (HTTP " + status + ")";
        String type = status == 429 ? "ERROR_TYPE_RESOURCE_EXHAUSTED" : status >= 500 ? "ERROR_TYPE_UNAVAILABLE" : ApiError.TYPE_INVALID_REQUEST;
        String code = status == 429 ? "ERROR_CODE_RATE_LIMIT_EXCEEDED" : "ERROR_CODE_SIMULATED_FAILURE";
        return new Answer(status, api.write(api.errorBody(message, type, code, message)), JSON, retryAfter);
    }

    /** Checks the key, the business, the operation and its method; returns the operation. */
    private ApiOperation authorize(HttpServerRequest request, String path, int businessEnd, String operationPath) {
        String businessId = businessEnd < 0 ? path.substring(API_PREFIX.length()) : path.substring(API_PREFIX.length(), businessEnd);
        String key = request.getHeader("x-api-key");
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKeyBytes)) {
            throw new ApiError(401, "ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_UNAUTHENTICATED",
                    key == null ? "The X-API-Key header is missing" : "The X-API-Key header does not hold a valid API key");
        }
        if (!settings.businessId.equals(businessId)) {
            throw ApiError.notFound("ERROR_CODE_BUSINESS_NOT_FOUND", "No business with id '" + businessId + "' for this API key");
        }
        ApiOperation operation = ApiOperation.at(operationPath);
        if (operation == null) {
            throw ApiError.notFound("ERROR_CODE_NOT_FOUND", "No operation at " + request.method() + " " + path);
        }
        if (!operation.method().equals(request.method().name())) {
            throw new ApiError(405, ApiError.TYPE_INVALID_REQUEST, "ERROR_CODE_METHOD_NOT_ALLOWED",
                    operation.path() + (operation.takesId() ? "/{webhookId}" : "") + " takes " + operation.method()
                            + ", not " + request.method());
        }
        return operation;
    }

    private String execute(ApiOperation operation, String operationPath, Buffer body) {
        switch (operation) {
            case SEND_MESSAGE:
                limitRate(operation);
                return api.sendMessage(json(body, true));
            case SEND_TEMPLATE:
                limitRate(operation);
                return api.sendTemplate(json(body, true));
            case SEND_CAMPAIGNS:
                limitRate(operation);
                return api.sendCampaigns(json(body, true));
            case GET_TEMPLATES:
                json(body, false); // no body expected, but a malformed one is still a 400
                return api.getTemplates();
            case CREATE_TEMPLATE:
                return api.createTemplate(json(body, true));
            case QUALITY_SIGNALS:
                return api.qualitySignals();
            case CREATE_WEBHOOK:
                return api.createWebhook(json(body, true));
            case LIST_WEBHOOKS:
                return api.listWebhooks();
            case UPDATE_WEBHOOK:
                return api.updateWebhook(webhookId(operation, operationPath), json(body, true));
            case DELETE_WEBHOOK:
                return api.deleteWebhook(webhookId(operation, operationPath));
            default:
                throw new IllegalStateException("no handler for " + operation);
        }
    }

    private static String webhookId(ApiOperation operation, String operationPath) {
        return operationPath.substring(operation.path().length() + 1);
    }

    private void limitRate(ApiOperation operation) {
        long retryAfter = rateLimiter.acquire();
        if (retryAfter >= 0) {
            counters.rateLimited(operation);
            throw new ApiError(429, "ERROR_TYPE_RESOURCE_EXHAUSTED", "ERROR_CODE_RATE_LIMIT_EXCEEDED",
                    "Too many requests: the rate limit is exceeded; retry after " + retryAfter + " s with exponential backoff",
                    "Too many requests", Long.toString(retryAfter));
        }
    }

    private JsonNode json(Buffer body, boolean required) {
        if (body.length() == 0) {
            if (required) {
                throw ApiError.badRequest("The request body is empty; a JSON object is required");
            }
            return null;
        }
        JsonNode node;
        try {
            node = mapper.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("The request body is not valid JSON: " + JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("")
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("The request body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            if (!required && node == null) {
                return null;
            }
            throw ApiError.badRequest("The request body must be a JSON object");
        }
        return node;
    }

    private void record(HttpServerRequest request, String path, Buffer body, int status, String fault) {
        MultiMap headers = request.headers();
        Map<String, String> copy = new LinkedHashMap<>(headers.size() * 2);
        for (Map.Entry<String, String> header : headers) {
            copy.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        Instant at = Instant.ofEpochMilli(clock.nowMillis());
        String text = body.toString(StandardCharsets.UTF_8);
        requests.add(sequence -> new RecordedRequest(sequence, at, request.method().name(), path, request.query(), copy,
                text, status, fault));
    }
}
