package io.camelconnectly.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP front: routes {@code /v1/businesses/{businessId}/...} to {@link ConnectlyApi}, checks the key, the
 * business and the rate limit, answers errors with Connectly's error body, and records every request. Runs on the
 * event loop; routing is plain string comparison (no regex) to keep the send path cheap.
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

    ApiHandler(ObjectMapper mapper, SimulatorSettings settings, ConnectlyApi api, RateLimiter rateLimiter,
               BoundedLog<RecordedRequest> requests, SimulatorClock clock, Handler<HttpServerRequest> inspection,
               FaultInjector faults) {
        this.faults = faults;
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

    private void respond(HttpServerRequest request, String path, Buffer body) {
        int status = 200;
        String json;
        String retryAfter = null;
        try {
            json = dispatch(request, path, body);
        } catch (ApiError e) {
            status = e.status;
            retryAfter = e.retryAfterSeconds;
            json = api.write(api.errorBody(e.getMessage(), e.type, e.code, e.userTitle));
        } catch (RuntimeException e) {
            status = 500;
            json = api.write(api.errorBody("Internal error in the simulator: " + e, "ERROR_TYPE_INTERNAL",
                    "ERROR_CODE_INTERNAL", "Internal error"));
        }
        HttpServerResponse response = request.response()
                .setStatusCode(status)
                .putHeader("content-type", JSON);
        if (retryAfter != null) {
            response.putHeader("retry-after", retryAfter);
        }
        response.end(json);
        record(request, path, body, status);
    }

    private String dispatch(HttpServerRequest request, String path, Buffer body) {
        int businessEnd = path.indexOf('/', API_PREFIX.length());
        String businessId = businessEnd < 0 ? path.substring(API_PREFIX.length()) : path.substring(API_PREFIX.length(), businessEnd);
        String operation = businessEnd < 0 ? "" : path.substring(businessEnd + 1);

        String key = request.getHeader("x-api-key");
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKeyBytes)) {
            throw new ApiError(401, "ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_UNAUTHENTICATED",
                    key == null ? "The X-API-Key header is missing" : "The X-API-Key header does not hold a valid API key");
        }
        if (!settings.businessId.equals(businessId)) {
            throw ApiError.notFound("ERROR_CODE_BUSINESS_NOT_FOUND", "No business with id '" + businessId + "' for this API key");
        }
        faults.check();
        HttpMethod method = request.method();
        switch (operation) {
            case "send/messages":
                expect(method, HttpMethod.POST, operation);
                limitRate();
                return api.sendMessage(json(body, true));
            case "send/whatsapp_templated_messages":
                expect(method, HttpMethod.POST, operation);
                limitRate();
                return api.sendTemplate(json(body, true));
            case "send/campaigns":
                expect(method, HttpMethod.POST, operation);
                limitRate();
                return api.sendCampaigns(json(body, true));
            case "get/templates":
                expect(method, HttpMethod.POST, operation);
                json(body, false); // no body expected, but a malformed one is still a 400
                return api.getTemplates();
            case "create/template":
                expect(method, HttpMethod.POST, operation);
                return api.createTemplate(json(body, true));
            case "get/quality_signals":
                expect(method, HttpMethod.GET, operation);
                return api.qualitySignals();
            case "create/webhooks":
                expect(method, HttpMethod.POST, operation);
                return api.createWebhook(json(body, true));
            case "webhooks":
                expect(method, HttpMethod.GET, operation);
                return api.listWebhooks();
            default:
                break;
        }
        if (operation.startsWith("update/webhooks/") && operation.indexOf('/', 16) < 0 && operation.length() > 16) {
            expect(method, HttpMethod.PUT, "update/webhooks/{webhookId}");
            return api.updateWebhook(operation.substring(16), json(body, true));
        }
        if (operation.startsWith("delete/webhooks/") && operation.indexOf('/', 16) < 0 && operation.length() > 16) {
            expect(method, HttpMethod.DELETE, "delete/webhooks/{webhookId}");
            return api.deleteWebhook(operation.substring(16));
        }
        throw ApiError.notFound("ERROR_CODE_NOT_FOUND", "No operation at " + method + " " + path);
    }

    private void limitRate() {
        if (rateLimiter != null) {
            long wait = rateLimiter.acquire();
            if (wait > 0) {
                throw new ApiError(429, "ERROR_TYPE_RESOURCE_EXHAUSTED", "ERROR_CODE_RATE_LIMIT_EXCEEDED",
                        "Too many requests: the rate limit is exceeded; retry after " + wait + " s with exponential backoff",
                        "Too many requests", Long.toString(wait));
            }
        }
    }

    private static void expect(HttpMethod actual, HttpMethod expected, String operation) {
        if (!expected.equals(actual)) {
            throw new ApiError(405, ApiError.TYPE_INVALID_REQUEST, "ERROR_CODE_METHOD_NOT_ALLOWED",
                    operation + " takes " + expected + ", not " + actual);
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

    private void record(HttpServerRequest request, String path, Buffer body, int status) {
        MultiMap headers = request.headers();
        Map<String, String> copy = new LinkedHashMap<>(headers.size() * 2);
        for (Map.Entry<String, String> header : headers) {
            copy.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        Instant at = Instant.ofEpochMilli(clock.nowMillis());
        String text = body.toString(StandardCharsets.UTF_8);
        requests.add(sequence -> new RecordedRequest(sequence, at, request.method().name(), path, request.query(), copy,
                text, status));
    }
}
