package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own endpoints under {@code /_sim/} (no API key: they are for the person or test driving the
 * simulator) and the chat page at {@code /} and {@code /_sim/}.
 *
 * <pre>
 * GET    /_sim/requests                     recorded API requests (oldest first)
 * DELETE /_sim/requests                     forget them
 * GET    /_sim/webhook-deliveries           every webhook post attempt
 * DELETE /_sim/webhook-deliveries           forget them
 * GET    /_sim/conversations                customers with their windows (per business number) and messages
 * POST   /_sim/customers/{number}/messages  make a customer write: {"text"} | {"replyToId","tap":"<button or row title>"}
 *                                           | {"replyToId","button":{"text","payload"}}
 *                                           | {"replyToId","listRow":{"id","title","description"}} | {"replyToId","reaction"}
 *                                           (optional "name" names the customer; optional "to": the business number a
 *                                           text goes to, default the first; a reply goes to the number it quotes)
 * GET    /_sim/faults                       the injected faults still able to apply
 * POST   /_sim/faults                       inject one: {"status": 503, "count": 2} | {"kind": "delay", "delay": "3s"}
 *                                           | {"kind": "reset", "operations": ["sends"]} (fields: see Fault.parse)
 * DELETE /_sim/faults[/{id}]                cancel all, or one
 * GET    /_sim/stats                        per operation: requests, tookEffect, faulted, rateLimited (DELETE: zero them)
 * POST   /_sim/event-runs                   start a reliability run: {"events": 10000, "perSecond": 500, "duplicates": 0.1, ...}
 * GET    /_sim/event-runs[/{id}]            runs with their totals; DELETE /_sim/event-runs/{id} cancels one
 * GET    /_sim/event-runs/{id}/events       per event: key, topic, duplicated, attempts, lastStatus, lastError, answered2xx
 *                                           (?from=0&limit=10000&only=failed)
 * GET    /_sim/auto-reply                   auto-reply settings and counts; POST {"enabled","delay","text","limit"} changes them
 * POST   /_sim/customers/{number}/auto-reply  {"enabled": false} opts a customer out
 * GET    /_sim/rate-limit                   {"perSecond", "retryAfter"}; POST the same to change it
 * GET    /_sim/clock                        the simulated time
 * POST   /_sim/clock/advance                {"by": "25h"} (or ?by=25h) moves the clock forward
 * </pre>
 */
final class InspectionHandler implements Handler<HttpServerRequest> {

    private final ConnectlySimulator simulator;
    private final ObjectMapper mapper;

    InspectionHandler(ConnectlySimulator simulator, ObjectMapper mapper) {
        this.simulator = simulator;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpServerRequest request) {
        request.body().onComplete(result -> {
            try {
                route(request, result.succeeded() ? result.result() : Buffer.buffer());
            } catch (IllegalArgumentException e) {
                json(request, 400, error(e.getMessage()));
            } catch (RuntimeException e) {
                json(request, 500, error("Internal error in the simulator: " + e));
            }
        });
    }

    private void route(HttpServerRequest request, Buffer body) {
        String path = request.path();
        HttpMethod method = request.method();
        if (path.equals("/") || path.equals("/_sim") || path.equals("/_sim/")) {
            if (method != HttpMethod.GET) {
                json(request, 405, error("the chat page is served with GET; customers act through POST /_sim/customers/{number}/messages"));
                return;
            }
            String nonce = ChatPage.nonce();
            request.response().putHeader("content-type", "text/html; charset=utf-8")
                    .putHeader("cache-control", "no-store")
                    .putHeader("content-security-policy", ChatPage.contentSecurityPolicy(nonce))
                    .putHeader("x-content-type-options", "nosniff")
                    .end(ChatPage.render(simulator.settings(), simulator.clock(), simulator.conversations(), nonce));
            return;
        }
        switch (method.name() + " " + path) {
            case "GET /_sim/requests":
                json(request, 200, requestsJson());
                return;
            case "DELETE /_sim/requests":
                simulator.clearRequests();
                json(request, 200, "{}");
                return;
            case "GET /_sim/webhook-deliveries":
                json(request, 200, deliveriesJson());
                return;
            case "DELETE /_sim/webhook-deliveries":
                simulator.clearWebhookDeliveries();
                json(request, 200, "{}");
                return;
            case "GET /_sim/conversations":
                json(request, 200, conversationsJson());
                return;
            case "GET /_sim/clock":
                json(request, 200, clockJson());
                return;
            case "POST /_sim/clock/advance":
                advanceClock(request, body);
                return;
            case "GET /_sim/faults":
                json(request, 200, faultsJson());
                return;
            case "POST /_sim/faults":
                json(request, 200, write(faultJson(simulator.inject(Fault.parse(textFields(parse(body)))))));
                return;
            case "DELETE /_sim/faults":
                simulator.clearFaults();
                json(request, 200, "{}");
                return;
            case "GET /_sim/stats":
                json(request, 200, statsJson());
                return;
            case "DELETE /_sim/stats":
                simulator.clearOperationStats();
                json(request, 200, "{}");
                return;
            case "POST /_sim/event-runs":
                json(request, 200, write(runJson(simulator.startEventRun(runSettings(parse(body))))));
                return;
            case "GET /_sim/event-runs":
                ArrayNode runs = mapper.createArrayNode();
                simulator.eventRuns().forEach(run -> runs.add(runJson(run)));
                json(request, 200, write(runs));
                return;
            case "GET /_sim/auto-reply":
                json(request, 200, autoReplyJson());
                return;
            case "POST /_sim/auto-reply":
                changeAutoReply(parse(body));
                json(request, 200, autoReplyJson());
                return;
            case "GET /_sim/rate-limit":
                json(request, 200, rateLimitJson());
                return;
            case "POST /_sim/rate-limit":
                changeRateLimit(parse(body));
                json(request, 200, rateLimitJson());
                return;
            default:
                break;
        }
        String prefix = "/_sim/customers/";
        String suffix = "/messages";
        String autoReplySuffix = "/auto-reply";
        if (path.startsWith(prefix) && path.endsWith(autoReplySuffix) && path.length() > prefix.length() + autoReplySuffix.length()) {
            if (method != HttpMethod.POST) {
                json(request, 405, error("use POST {\"enabled\": false} to opt a customer out of auto-reply"));
                return;
            }
            String number = percentDecode(path.substring(prefix.length(), path.length() - autoReplySuffix.length()));
            JsonNode change = parse(body);
            if (!change.path("enabled").isBoolean()) {
                throw new IllegalArgumentException("give {\"enabled\": false} (opt out) or {\"enabled\": true}");
            }
            simulator.customer(number).autoReplies(change.get("enabled").asBoolean());
            json(request, 200, autoReplyJson());
            return;
        }
        if (path.startsWith(prefix) && path.endsWith(suffix) && path.length() > prefix.length() + suffix.length()) {
            if (method != HttpMethod.POST) {
                json(request, 405, error("use POST to make a customer write"));
                return;
            }
            String number = percentDecode(path.substring(prefix.length(), path.length() - suffix.length()));
            json(request, 200, write(messageJson(customerAction(number, parse(body)))));
            return;
        }
        String runPrefix = "/_sim/event-runs/";
        if (path.startsWith(runPrefix)) {
            eventRunRequest(request, method, path.substring(runPrefix.length()));
            return;
        }
        String faultPrefix = "/_sim/faults/";
        if (method == HttpMethod.DELETE && path.startsWith(faultPrefix)) {
            String id = path.substring(faultPrefix.length());
            ActiveFault fault = simulator.faults().stream().filter(f -> Long.toString(f.id()).equals(id)).findFirst().orElse(null);
            if (fault == null) {
                json(request, 404, error("no active fault with id '" + id + "'; GET /_sim/faults lists them"));
                return;
            }
            fault.cancel();
            json(request, 200, write(faultJson(fault)));
            return;
        }
        json(request, 404, error("nothing at " + method + " " + path + "; see GET /_sim/ for the chat page and the README for /_sim/ endpoints"));
    }

    private ChatMessage customerAction(String number, JsonNode body) {
        ConnectlySimulator.Customer customer = simulator.customer(number);
        if (body.hasNonNull("to")) {
            customer = customer.to(body.get("to").asText());
        }
        if (body.hasNonNull("name")) {
            customer.named(body.get("name").asText());
        }
        String replyToId = body.path("replyToId").asText(null);
        if (body.hasNonNull("text")) {
            return customer.sendsText(body.get("text").asText());
        }
        if (body.hasNonNull("tap")) {
            return customer.taps(replyToId, body.get("tap").asText());
        }
        if (body.has("button")) {
            JsonNode button = body.get("button");
            return customer.repliesWithButton(replyToId, button.path("text").asText(""), button.path("payload").asText(""));
        }
        if (body.has("listRow")) {
            JsonNode row = body.get("listRow");
            return customer.repliesWithListRow(replyToId, row.path("id").asText(""), row.path("title").asText(""),
                    row.path("description").asText(""));
        }
        if (body.hasNonNull("reaction")) {
            return customer.reactsTo(replyToId, body.get("reaction").asText());
        }
        throw new IllegalArgumentException("give one of text, tap, button, listRow or reaction (all but text with replyToId)");
    }

    /** JSON fields as text for {@link Fault#parse}: arrays joined with '+', null as "none". */
    private static Map<String, String> textFields(JsonNode json) {
        Map<String, String> fields = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                fields.put(field.getKey(), String.join("+", items));
            } else {
                fields.put(field.getKey(), value.isNull() ? "none" : value.asText());
            }
        });
        return fields;
    }

    private String faultsJson() {
        ArrayNode list = mapper.createArrayNode();
        simulator.faults().forEach(fault -> list.add(faultJson(fault)));
        return write(list);
    }

    private ObjectNode faultJson(ActiveFault active) {
        Fault fault = active.fault();
        ObjectNode json = mapper.createObjectNode();
        json.put("id", active.id());
        json.put("fault", fault.describe());
        json.put("kind", fault.kind().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode operations = json.putArray("operations");
        fault.operations().forEach(operation -> operations.add(operation.path()));
        if (fault.times() == Long.MAX_VALUE) {
            json.putNull("times");
        } else {
            json.put("times", fault.times());
        }
        json.put("fraction", fault.fraction());
        json.put("applied", active.applied());
        json.put("finished", active.finished());
        return json;
    }

    private String statsJson() {
        ObjectNode json = mapper.createObjectNode();
        ObjectNode operations = json.putObject("operations");
        for (OperationStats stats : simulator.operationStats()) {
            ObjectNode op = operations.putObject(stats.operation().path());
            op.put("requests", stats.requests());
            op.put("tookEffect", stats.tookEffect());
            op.put("faulted", stats.faulted());
            op.put("rateLimited", stats.rateLimited());
        }
        return write(json);
    }

    private static final List<String> RUN_FIELDS = List.of("events", "perSecond", "duplicates", "duplicateDelay", "messageShare",
            "maxAttempts", "initialRetryDelay", "maxRetryDelay", "timeout", "maxInFlight", "seed", "keyPrefix");

    private static EventRunSettings runSettings(JsonNode body) {
        EventRunSettings settings = new EventRunSettings();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "events" -> settings.events(whole(value, "events"));
                case "perSecond" -> settings.perSecond(number(value, "perSecond"));
                case "duplicates" -> settings.duplicates(number(value, "duplicates"));
                case "duplicateDelay" -> settings.duplicateDelay(Durations.parse("duplicateDelay", value.asText()));
                case "messageShare" -> settings.messageShare(number(value, "messageShare"));
                case "maxAttempts" -> settings.maxAttempts(whole(value, "maxAttempts"));
                case "initialRetryDelay" -> settings.initialRetryDelay(Durations.parse("initialRetryDelay", value.asText()));
                case "maxRetryDelay" -> settings.maxRetryDelay(Durations.parse("maxRetryDelay", value.asText()));
                case "timeout" -> settings.timeout(Durations.parse("timeout", value.asText()));
                case "maxInFlight" -> settings.maxInFlight(whole(value, "maxInFlight"));
                case "seed" -> settings.seed(wholeLong(value, "seed"));
                case "keyPrefix" -> settings.keyPrefix(value.asText());
                default -> throw new IllegalArgumentException("unknown event-run field '" + field.getKey() + "'; known fields: " + RUN_FIELDS);
            }
        }
        return settings;
    }

    private static int whole(JsonNode value, String name) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value);
        }
        return value.asInt();
    }

    private static long wholeLong(JsonNode value, String name) {
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value);
        }
        return value.asLong();
    }

    private static double number(JsonNode value, String name) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number, got " + value);
        }
        return value.asDouble();
    }

    /** GET {id}, DELETE {id} (cancel), GET {id}/events?from=0&limit=10000&only=failed */
    private void eventRunRequest(HttpServerRequest request, HttpMethod method, String rest) {
        boolean events = rest.endsWith("/events");
        String id = events ? rest.substring(0, rest.length() - "/events".length()) : rest;
        EventRun run = simulator.eventRun(id);
        if (run == null) {
            json(request, 404, error("no event run '" + id + "'; GET /_sim/event-runs lists them"));
            return;
        }
        if (method == HttpMethod.DELETE && !events) {
            run.cancel();
            json(request, 200, write(runJson(run)));
        } else if (method != HttpMethod.GET) {
            json(request, 405, error("use GET to read an event run, DELETE to cancel it"));
        } else if (!events) {
            json(request, 200, write(runJson(run)));
        } else {
            int from = intParam(request, "from", 0);
            int limit = Math.min(intParam(request, "limit", 10_000), 100_000);
            boolean onlyFailed = "failed".equals(request.getParam("only"));
            ArrayNode list = mapper.createArrayNode();
            for (EventOutcome outcome : run.outcomes(from, limit)) {
                if (onlyFailed && outcome.answered2xx()) {
                    continue;
                }
                ObjectNode json = list.addObject();
                json.put("index", outcome.index());
                json.put("key", outcome.key());
                json.put("topic", outcome.topic());
                json.put("duplicated", outcome.duplicated());
                json.put("attempts", outcome.attempts());
                json.put("lastStatus", outcome.lastStatus());
                json.put("lastError", outcome.lastError());
                json.put("answered2xx", outcome.answered2xx());
                json.put("finished", outcome.finished());
            }
            json(request, 200, write(list));
        }
    }

    private static int intParam(HttpServerRequest request, String name, int absent) {
        String value = request.getParam(name);
        if (value == null) {
            return absent;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }

    private ObjectNode runJson(EventRun run) {
        EventRunTotals totals = run.totals();
        ObjectNode json = mapper.createObjectNode();
        json.put("id", run.id());
        json.put("settings", run.settings().toString());
        json.put("firstKey", run.key(0));
        json.put("done", totals.done());
        json.put("cancelled", totals.cancelled());
        json.put("elapsedMillis", totals.elapsedMillis());
        ObjectNode t = json.putObject("totals");
        t.put("events", totals.events());
        t.put("started", totals.started());
        t.put("duplicated", totals.duplicated());
        t.put("deliveries", totals.deliveries());
        t.put("redeliveries", totals.redeliveries());
        t.put("answered2xx", totals.answered2xx());
        t.put("answered4xx", totals.answered4xx());
        t.put("answered5xx", totals.answered5xx());
        t.put("noAnswer", totals.noAnswer());
        t.put("eventsAnswered2xx", totals.eventsAnswered2xx());
        t.put("eventsGivenUp", totals.eventsGivenUp());
        t.put("inFlight", totals.inFlight());
        t.put("waiting", totals.waiting());
        json.put("summary", totals.summary());
        return json;
    }

    private String autoReplyJson() {
        AutoReplier replier = simulator.autoReplier();
        AutoReplier.Settings settings = replier.settings();
        ObjectNode json = mapper.createObjectNode();
        json.put("enabled", settings.enabled());
        json.put("delay", Durations.format(settings.delay()));
        json.put("text", settings.text());
        json.put("limit", settings.limit());
        ArrayNode optedOut = json.putArray("optedOut");
        replier.optedOut().forEach(optedOut::add);
        json.put("sent", replier.sent());
        json.put("skipped", replier.skipped());
        return write(json);
    }

    private void changeAutoReply(JsonNode body) {
        for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("enabled", "delay", "text", "limit").contains(name)) {
                throw new IllegalArgumentException("unknown auto-reply field '" + name + "'; known: enabled, delay, text, limit");
            }
        }
        AutoReplier.Settings current = simulator.autoReplier().settings();
        if (body.has("enabled") && !body.get("enabled").isBoolean()) {
            throw new IllegalArgumentException("enabled must be true or false");
        }
        if (body.has("limit") && !body.get("limit").canConvertToInt()) {
            throw new IllegalArgumentException("limit must be a whole number of at least 1");
        }
        simulator.autoReplier().configure(new AutoReplier.Settings(
                body.has("enabled") ? body.get("enabled").asBoolean() : current.enabled(),
                body.hasNonNull("delay") ? Durations.parse("delay", body.get("delay").asText()) : current.delay(),
                body.hasNonNull("text") ? body.get("text").asText() : current.text(),
                body.has("limit") ? body.get("limit").asInt() : current.limit()));
    }

    private String rateLimitJson() {
        ObjectNode json = mapper.createObjectNode();
        json.put("perSecond", simulator.rateLimit());
        json.put("retryAfter", Durations.format(simulator.rateLimitRetryAfter()));
        return write(json);
    }

    private void changeRateLimit(JsonNode body) {
        if (!body.path("perSecond").canConvertToInt()) {
            throw new IllegalArgumentException("give {\"perSecond\": 20, \"retryAfter\": \"2s\"}: perSecond 0 switches the limit off");
        }
        Duration retryAfter = body.hasNonNull("retryAfter") ? Durations.parse("retryAfter", body.get("retryAfter").asText())
                : simulator.rateLimitRetryAfter();
        simulator.rateLimit(body.path("perSecond").asInt(), retryAfter);
    }

    private void advanceClock(HttpServerRequest request, Buffer body) {
        String by = request.getParam("by");
        if (by == null && body.length() > 0) {
            by = parse(body).path("by").asText(null);
        }
        if (by == null) {
            throw new IllegalArgumentException("give the duration to move the clock by: {\"by\": \"25h\"} or ?by=25h");
        }
        Duration duration = Durations.parse("by", by);
        simulator.clock().advance(duration);
        json(request, 200, clockJson());
    }

    private String clockJson() {
        ObjectNode json = mapper.createObjectNode();
        json.put("now", simulator.clock().now().toString());
        json.put("offset", Durations.format(simulator.clock().offset()));
        return write(json);
    }

    private String requestsJson() {
        ArrayNode list = mapper.createArrayNode();
        for (RecordedRequest r : simulator.requests()) {
            ObjectNode json = list.addObject();
            json.put("sequence", r.sequence());
            json.put("receivedAt", r.receivedAt().toString());
            json.put("method", r.method());
            json.put("path", r.path());
            json.put("query", r.query());
            ObjectNode headers = json.putObject("headers");
            r.headers().forEach(headers::put);
            json.put("body", r.body());
            json.put("status", r.status());
            json.put("fault", r.fault());
        }
        return write(list);
    }

    private String deliveriesJson() {
        ArrayNode list = mapper.createArrayNode();
        for (WebhookDelivery d : simulator.webhookDeliveries()) {
            ObjectNode json = list.addObject();
            json.put("eventId", d.eventId());
            json.put("attempt", d.attempt());
            json.put("attemptedAt", d.attemptedAt().toString());
            json.put("url", d.url());
            json.put("topic", d.topic());
            json.put("body", d.body());
            json.put("signature", d.signature());
            json.put("status", d.status());
            json.put("error", d.error());
            json.put("willRetry", d.willRetry());
        }
        return write(list);
    }

    private String conversationsJson() {
        ArrayNode list = mapper.createArrayNode();
        long now = simulator.clock().nowMillis();
        String defaultNumber = simulator.settings().defaultSender();
        for (Conversations.Conversation thread : simulator.conversations().threads()) {
            ObjectNode json = list.addObject();
            json.put("customer", thread.number);
            json.put("name", thread.name);
            // windowOpen and windowClosesAt: the default sender's window, as before several numbers had their own
            json.put("windowOpen", thread.windowOpen(defaultNumber, now));
            json.put("acceptedMessages", thread.acceptedMessages());
            json.put("windowClosesAt", instant(thread.windowClosesAt(defaultNumber)));
            ArrayNode windows = json.putArray("windows");
            for (String businessNumber : simulator.businessNumbers()) {
                ObjectNode window = windows.addObject();
                window.put("businessNumber", businessNumber);
                window.put("open", thread.windowOpen(businessNumber, now));
                window.put("closesAt", instant(thread.windowClosesAt(businessNumber)));
            }
            ArrayNode messages = json.putArray("messages");
            for (ChatMessage message : thread.messages()) {
                messages.add(messageJson(message));
            }
        }
        return write(list);
    }

    private static String instant(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private ObjectNode messageJson(ChatMessage message) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", message.id());
        json.put("direction", message.outbound() ? "outbound" : "inbound");
        json.put("customer", message.customer());
        json.put("businessNumber", message.businessNumber());
        json.put("kind", message.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.put("text", message.text());
        json.put("status", message.status().wireName());
        json.put("at", message.at().toString());
        if (message.replyToId() != null) {
            json.put("replyToId", message.replyToId());
        }
        if (message.campaignName() != null) {
            json.put("campaignName", message.campaignName());
        }
        if (message.callbackData() != null) {
            json.set("callbackData", message.callbackData());
        }
        if (!message.replyOptions().isEmpty()) {
            ArrayNode options = json.putArray("replyOptions");
            for (ChatMessage.ReplyOption option : message.replyOptions()) {
                ObjectNode o = options.addObject();
                o.put("type", option.type() == ChatMessage.ReplyOption.Type.BUTTON ? "button" : "listRow");
                o.put("id", option.id());
                o.put("title", option.title());
                o.put("description", option.description());
            }
        }
        if (message.automatic()) {
            json.put("automatic", true);
        }
        return json;
    }

    private JsonNode parse(Buffer body) {
        try {
            JsonNode node = body.length() == 0 ? null : mapper.readTree(body.getBytes());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the request body must be a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the request body is not valid JSON: " + e.getMessage());
        }
    }

    private String error(String message) {
        ObjectNode json = mapper.createObjectNode();
        json.put("message", message);
        json.put("type", ApiError.TYPE_INVALID_REQUEST);
        json.put("code", "ERROR_CODE_INVALID_REQUEST");
        json.put("userTitle", message);
        json.put("userMessage", "");
        json.put("cntTraceId", Ids.traceId());
        json.putObject("details");
        return write(json);
    }

    private void json(HttpServerRequest request, int status, String json) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json").end(json);
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-decodes a path segment; unlike URLDecoder it keeps '+' (phone numbers start with one). */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
