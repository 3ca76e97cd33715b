package io.camelconnectly.example.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelconnectly.example.BearerToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small CRM that stands in for a real one (HubSpot, Salesforce, Zendesk...): contacts, deals and tickets in memory,
 * a REST API, and events posted to the application when a deal changes stage or a ticket is opened. The application
 * pushes the customer's WhatsApp replies back as activities.
 *
 * <p>API ({@code Authorization: Bearer <apiToken>} on writes from the application):
 * <ul>
 * <li>{@code GET /} an HTML overview that refreshes itself; {@code GET /api/contacts|deals|tickets|activities}
 * JSON;</li>
 * <li>{@code POST /api/deals/{id}/stage} {@code {"stage": "negotiation"}} and {@code POST /api/tickets}
 * {@code {"contactId": "C-2", "subject": "..."}}: what a CRM user does; each posts an event to the application;</li>
 * <li>{@code POST /api/deals/{id}/activities} and {@code POST /api/tickets/{id}/activities} {@code {"channel",
 * "direction", "from", "text"}}: the application records a reply.</li>
 * </ul>
 * Events are posted with {@code Authorization: Bearer <eventToken>} and redelivered after 1 s, 2 s, 4 s... (at most
 * six attempts) until the application answers 2xx, as CRM webhooks are.
 */
public final class CrmStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrmStandIn.class);
    private static final int MAX_EVENT_ATTEMPTS = 6;

    // a separate system: its own JSON mapper, not the component's
    private final ObjectMapper mapper = new ObjectMapper();
    private final String host;
    private final int requestedPort;
    private final BearerToken apiToken;
    private final String eventToken;
    private final URI eventUrl;
    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, Deal> deals = new LinkedHashMap<>();
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final List<Activity> activities = new CopyOnWriteArrayList<>();
    private final List<EventDelivery> eventDeliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger ticketSequence = new AtomicInteger(100);
    private final AtomicInteger eventSequence = new AtomicInteger();
    private HttpServer server;
    private ExecutorService requestThreads;
    private ScheduledExecutorService redeliveries;
    private HttpClient client;

    public record Contact(String id, String name, String phone) {
    }

    public record Deal(String id, String contactId, String title, String stage) {
    }

    public record Ticket(String id, String contactId, String subject, String status) {
    }

    /** A note on a deal or ticket; {@code record} is {@code deals/D-1} or {@code tickets/T-101}. */
    public record Activity(String record, String channel, String direction, String from, String text, String at) {
    }

    /** One attempt to post an event to the application. */
    public record EventDelivery(String eventId, String type, int attempt, int status, String error, String at) {
    }

    /**
     * @param port       0 picks a free port
     * @param eventUrl   where events are posted: the application's CRM endpoint
     * @param apiToken   the token the application must send on writes
     * @param eventToken the token sent with each event
     */
    public CrmStandIn(String host, int port, URI eventUrl, String apiToken, String eventToken) {
        this.host = host;
        this.requestedPort = port;
        this.eventUrl = eventUrl;
        this.apiToken = new BearerToken(apiToken);
        this.eventToken = eventToken;
        seed();
    }

    private void seed() {
        contacts.put("C-1", new Contact("C-1", "Eva Müller", "+16045550105"));
        contacts.put("C-2", new Contact("C-2", "Femi Okafor", "+16045550106"));
        deals.put("D-1", new Deal("D-1", "C-1", "Fleet renewal 2027", "proposal"));
        deals.put("D-2", new Deal("D-2", "C-2", "Spare parts contract", "qualification"));
    }

    public synchronized CrmStandIn start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
        requestThreads = Executors.newFixedThreadPool(2, daemon("crm-stand-in"));
        redeliveries = Executors.newSingleThreadScheduledExecutor(daemon("crm-stand-in-events"));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(requestThreads).build();
        server.setExecutor(requestThreads);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            redeliveries.shutdownNow();
            requestThreads.shutdownNow();
            server = null;
        }
    }

    // ------------------------------------------------------------------------------------------ what a CRM user does

    /** Moves a deal to another stage and posts {@code deal.stage_changed} to the application. */
    public synchronized Deal changeDealStage(String dealId, String stage) {
        Deal deal = deals.get(dealId);
        if (deal == null) {
            throw new IllegalArgumentException("no deal " + dealId + "; known: " + deals.keySet());
        }
        Deal changed = new Deal(deal.id(), deal.contactId(), deal.title(), stage);
        deals.put(dealId, changed);
        ObjectNode event = event("deal.stage_changed", contacts.get(deal.contactId()));
        ObjectNode node = event.putObject("deal");
        node.put("id", changed.id()).put("title", changed.title()).put("stage", stage).put("previousStage", deal.stage());
        post(event);
        return changed;
    }

    /** Opens a ticket for a contact and posts {@code ticket.opened} to the application. */
    public synchronized Ticket openTicket(String contactId, String subject) {
        Contact contact = contacts.get(contactId);
        if (contact == null) {
            throw new IllegalArgumentException("no contact " + contactId + "; known: " + contacts.keySet());
        }
        Ticket ticket = new Ticket("T-" + ticketSequence.incrementAndGet(), contactId, subject, "open");
        tickets.put(ticket.id(), ticket);
        ObjectNode event = event("ticket.opened", contact);
        event.putObject("ticket").put("id", ticket.id()).put("subject", subject).put("status", ticket.status());
        post(event);
        return ticket;
    }

    public List<Activity> activities() {
        return List.copyOf(activities);
    }

    public List<EventDelivery> eventDeliveries() {
        return List.copyOf(eventDeliveries);
    }

    // ---------------------------------------------------------------------------------------------------- events

    private ObjectNode event(String type, Contact contact) {
        ObjectNode event = mapper.createObjectNode();
        event.put("eventId", "evt-" + eventSequence.incrementAndGet());
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.putObject("contact").put("id", contact.id()).put("name", contact.name()).put("phone", contact.phone());
        return event;
    }

    private void post(ObjectNode event) {
        String body;
        try {
            body = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        attempt(event.path("eventId").asText(), event.path("type").asText(), body, 1);
    }

    private void attempt(String eventId, String type, String body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(eventUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + eventToken)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            int status = response == null ? 0 : response.statusCode();
            String error = failure != null ? failure.toString()
                    : status / 100 == 2 ? null : abbreviate(response.body());
            eventDeliveries.add(new EventDelivery(eventId, type, attempt, status, error, Instant.now().toString()));
            if (error == null) {
                LOG.info("CRM event {} {} delivered to the application", eventId, type);
            } else if (attempt < MAX_EVENT_ATTEMPTS) {
                long delay = 1L << (attempt - 1);
                LOG.info("CRM event {} {} not accepted ({}): redelivered in {} s", eventId, type,
                        status == 0 ? error : "HTTP " + status, delay);
                redeliveries.schedule(() -> attempt(eventId, type, body, attempt + 1), delay, TimeUnit.SECONDS);
            } else {
                LOG.warn("CRM event {} {} given up after {} attempts: {}", eventId, type, attempt, error);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------------ HTTP

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            // read once, whole, before anything is answered: the connection stays usable for the next request
            byte[] body;
            try (InputStream in = http.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = http.getRequestMethod();
            String[] path = http.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            if (method.equals("GET") && path.length == 1 && path[0].isEmpty()) {
                respond(http, 200, "text/html; charset=utf-8", CrmPage.render(snapshot()));
            } else if (method.equals("GET") && path.length == 2 && path[0].equals("api")) {
                Object listing = snapshot().get(path[1]);
                if (listing == null) {
                    error(http, 404, "unknown collection " + path[1] + "; try contacts, deals, tickets, activities");
                } else {
                    json(http, 200, listing);
                }
            } else if (method.equals("POST") && path.length == 4 && path[0].equals("api") && path[3].equals("activities")) {
                addActivity(http, path[1], path[2], body);
            } else if (method.equals("POST") && path.length == 4 && path[0].equals("api") && path[1].equals("deals")
                       && path[3].equals("stage")) {
                String stage = json(body).path("stage").asText("");
                if (stage.isBlank()) {
                    error(http, 400, "body must be {\"stage\": \"...\"}");
                } else {
                    json(http, 200, changeDealStage(path[2], stage));
                }
            } else if (method.equals("POST") && path.length == 2 && path[0].equals("api") && path[1].equals("tickets")) {
                JsonNode ticket = json(body);
                json(http, 201, openTicket(ticket.path("contactId").asText(), ticket.path("subject").asText("")));
            } else {
                error(http, 404, method + " " + http.getRequestURI().getPath() + " is not part of the CRM API");
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            error(http, 400, e.getMessage());
        }
    }

    private void addActivity(HttpExchange http, String collection, String id, byte[] request) throws IOException {
        String authorization = http.getRequestHeaders().getFirst("Authorization");
        if (!apiToken.matches(authorization)) {
            error(http, 401, "missing or wrong Authorization: Bearer token");
            return;
        }
        boolean known = switch (collection) {
            case "deals" -> deals.containsKey(id);
            case "tickets" -> tickets.containsKey(id);
            default -> false;
        };
        if (!known) {
            error(http, 404, "no " + collection + "/" + id);
            return;
        }
        JsonNode body = json(request);
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            error(http, 400, "an activity needs a text");
            return;
        }
        Activity activity = new Activity(collection + "/" + id, body.path("channel").asText("whatsapp"),
                body.path("direction").asText("inbound"), body.path("from").asText(""), text, Instant.now().toString());
        activities.add(activity);
        json(http, 201, activity);
    }

    private synchronized Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("contacts", new ArrayList<>(contacts.values()));
        all.put("deals", new ArrayList<>(deals.values()));
        all.put("tickets", new ArrayList<>(tickets.values()));
        all.put("activities", List.copyOf(activities));
        return all;
    }

    private JsonNode json(byte[] body) throws IOException {
        return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
    }

    private void json(HttpExchange http, int status, Object body) throws IOException {
        respond(http, status, "application/json", mapper.writeValueAsString(body));
    }

    private void error(HttpExchange http, int status, String message) throws IOException {
        json(http, status, Map.of("error", message == null ? "bad request" : message));
    }

    private static void respond(HttpExchange http, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
