package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reliability driver against a real receiver on loopback that fails, stalls and is unreachable for a while. */
class EventRunTest {

    private ConnectlySimulator sim;
    private Api api;
    private Receiver receiver;

    /** Records every post by event key; answers what {@code answer} says for the n-th post (1-based) of a key. */
    static final class Receiver implements AutoCloseable {
        final Map<String, List<String>> bodiesByKey = new ConcurrentHashMap<>();
        final AtomicInteger answered503 = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        volatile IntUnaryOperator answer = n -> 200;
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(16);

        Receiver(WebhookSigner signer) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                if (!signer.sign(bytes).equals(exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER))) {
                    badSignatures.incrementAndGet();
                }
                JsonNode event = Api.MAPPER.readTree(bytes);
                String key = event.has("statusUpdate") ? event.path("statusUpdate").path("id").asText() : event.path("message").path("text").asText();
                List<String> bodies = bodiesByKey.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
                bodies.add(new String(bytes, StandardCharsets.UTF_8));
                int status = answer.applyAsInt(bodies.size());
                if (status < 0) { // stall past the run's timeout, then answer 200 (too late)
                    try {
                        Thread.sleep(-status);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    status = 200;
                }
                if (status == 503) {
                    answered503.incrementAndGet();
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @BeforeEach
    void start() throws IOException {
        sim = ConnectlySimulator.builder().build().start();
        api = new Api(sim);
        receiver = new Receiver(new WebhookSigner(sim.webhookSecret()));
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private String register(String topic, String address) {
        Api.Response response = api.post("create/webhooks", "{\"topic\":\"" + topic + "\",\"address\":\"" + address + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("entity").path("id").asText();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyEventArrivesDespiteFailuresStallsAndAnOutageAndEveryPostIsCounted() throws Exception {
        // messages first go to an address where nobody listens (an instance that is down), statuses to the receiver
        String messagesHook = register("messages", "http://127.0.0.1:" + closedPort() + "/webhook");
        register("delivery_status", receiver.url());
        // every key's first post is refused with 503; a few stall past the timeout
        receiver.answer = n -> n == 1 ? 503 : n == 2 && ThreadLocalHolder.stall() ? -700 : 200;

        EventRun run = sim.startEventRun(new EventRunSettings().events(200).perSecond(0).duplicates(0.2)
                .maxAttempts(60).initialRetryDelay(Duration.ofMillis(20)).maxRetryDelay(Duration.ofMillis(250))
                .timeout(Duration.ofMillis(300)).maxInFlight(16).seed(7));
        await().until(() -> run.totals().noAnswer() >= 20); // messages keep failing to connect
        assertThat(api.put("update/webhooks/" + messagesHook, "{\"address\":\"" + receiver.url() + "\"}").status()).isEqualTo(200);
        assertThat(run.awaitDone(Duration.ofSeconds(60))).as(run.toString()).isTrue();

        EventRunTotals totals = run.totals();
        assertThat(totals.done()).isTrue();
        assertThat(totals.events()).isEqualTo(200);
        assertThat(totals.eventsAnswered2xx()).as(totals.summary()).isEqualTo(200);
        assertThat(totals.eventsGivenUp()).isZero();
        assertThat(totals.inFlight()).isZero();
        assertThat(totals.waiting()).isZero();
        List<EventOutcome> outcomes = run.outcomes();
        assertThat(outcomes).hasSize(200).allSatisfy(o -> assertThat(o.finished() && o.answered2xx()).isTrue());
        assertThat(outcomes.stream().mapToLong(EventOutcome::attempts).sum()).isEqualTo(totals.deliveries());
        // a 503 written after the run's timeout counts as no answer: the receiver may have sent more than the run saw
        assertThat(totals.answered5xx()).isPositive().isLessThanOrEqualTo(receiver.answered503.get());
        assertThat(totals.noAnswer()).isPositive();
        // each delivery (an event's first post, or its duplicate) is posted once, then redelivered after each failure
        assertThat(totals.deliveries()).isEqualTo(totals.started() + totals.duplicated() + totals.redeliveries());
        assertThat(totals.redeliveries()).isEqualTo(totals.answered5xx() + totals.noAnswer());
        assertThat(totals.deliveries()).isEqualTo(totals.answered2xx() + totals.answered4xx() + totals.answered5xx() + totals.noAnswer());
        long duplicated = outcomes.stream().filter(EventOutcome::duplicated).count();
        assertThat(totals.duplicated()).isEqualTo(duplicated).isBetween(20L, 60L);

        // what the receiver saw: 200 distinct keys, each body byte for byte the same, all signed
        assertThat(receiver.bodiesByKey.keySet()).containsExactlyInAnyOrderElementsOf(outcomes.stream().map(EventOutcome::key).toList());
        assertThat(receiver.badSignatures.get()).isZero();
        receiver.bodiesByKey.values().forEach(bodies -> assertThat(bodies).containsOnly(bodies.get(0)));
        for (EventOutcome outcome : outcomes) {
            int received = receiver.bodiesByKey.get(outcome.key()).size();
            assertThat(received).as(outcome.toString()).isLessThanOrEqualTo(outcome.attempts());
            assertThat(received).as("a 503 and a 2xx at least: " + outcome).isGreaterThanOrEqualTo(outcome.duplicated() ? 3 : 2);
        }
        JsonNode message = Api.MAPPER.readTree(receiver.bodiesByKey.get(outcomes.stream()
                .filter(o -> o.topic().equals("messages")).findFirst().orElseThrow().key()).get(0));
        assertThat(message.path("sender").path("id").asText()).startsWith("+1604556");
        assertThat(message.path("recipient").path("id").asText()).isEqualTo(ConnectlySimulator.DEFAULT_BUSINESS_NUMBER);
        EventOutcome statusOutcome = outcomes.stream().filter(o -> o.topic().equals("delivery_status")).findFirst().orElseThrow();
        JsonNode status = Api.MAPPER.readTree(receiver.bodiesByKey.get(statusOutcome.key()).get(0));
        assertThat(status.path("topic").asText()).isEqualTo("delivery_status");
        assertThat(status.path("callbackData").path("eventKey").asText()).isEqualTo(statusOutcome.key());
        assertThat(statusOutcome.key()).isEqualTo(run.id() + "-" + String.format("%06d", statusOutcome.index()));
    }

    /** Stalls one post in ten (deterministic per thread is enough: the test only needs some timeouts). */
    static final class ThreadLocalHolder {
        private static final AtomicInteger COUNT = new AtomicInteger();

        static boolean stall() {
            return COUNT.incrementAndGet() % 10 == 0;
        }
    }

    @Test
    void eventsThatNeverGetA2xxAreGivenUpAndShownOverHttp() {
        register("messages", receiver.url());
        receiver.answer = n -> 503;
        Api.Response started = Api.send("POST", sim.baseUrl() + "/_sim/event-runs", null,
                "{\"events\":10,\"perSecond\":100,\"messageShare\":1,\"maxAttempts\":2,\"initialRetryDelay\":\"10ms\","
                        + "\"maxRetryDelay\":\"10ms\",\"keyPrefix\":\"lost-\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String id = started.json().path("id").asText();
        assertThat(started.json().path("firstKey").asText()).isEqualTo("lost-000000");
        await().until(() -> Api.send("GET", sim.baseUrl() + "/_sim/event-runs/" + id, null, null).json().path("done").asBoolean());

        JsonNode totals = Api.send("GET", sim.baseUrl() + "/_sim/event-runs/" + id, null, null).json().path("totals");
        assertThat(totals.path("eventsGivenUp").asInt()).isEqualTo(10);
        assertThat(totals.path("answered5xx").asInt()).isEqualTo(20);
        assertThat(totals.path("redeliveries").asInt()).isEqualTo(10);
        JsonNode failed = Api.send("GET", sim.baseUrl() + "/_sim/event-runs/" + id + "/events?only=failed&from=5&limit=3", null, null).json();
        assertThat(failed).hasSize(3);
        assertThat(failed.get(0).path("key").asText()).isEqualTo("lost-000005");
        assertThat(failed.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(failed.get(0).path("lastStatus").asInt()).isEqualTo(503);
        assertThat(failed.get(0).path("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(Api.send("GET", sim.baseUrl() + "/_sim/event-runs", null, null).json()).hasSize(1);
        assertThat(Api.send("GET", sim.baseUrl() + "/_sim/event-runs/r404", null, null).status()).isEqualTo(404);

        Api.Response noHook = Api.send("POST", sim.baseUrl() + "/_sim/event-runs", null, "{\"events\":5,\"messageShare\":0}");
        assertThat(noHook.status()).isEqualTo(400);
        assertThat(noHook.json().path("message").asText()).contains("delivery_status").contains("create/webhooks");
        Api.Response typo = Api.send("POST", sim.baseUrl() + "/_sim/event-runs", null, "{\"events\":5,\"duplicate\":0.1}");
        assertThat(typo.json().path("message").asText()).contains("'duplicate'").contains("duplicates");
        Api.Response noUnit = Api.send("POST", sim.baseUrl() + "/_sim/event-runs", null, "{\"events\":5,\"timeout\":\"5\"}");
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.json().path("message").asText()).startsWith("timeout: '5' has no valid unit");
        Api.Response badSeed = Api.send("POST", sim.baseUrl() + "/_sim/event-runs", null, "{\"events\":5,\"seed\":\"x\"}");
        assertThat(badSeed.json().path("message").asText()).contains("seed must be a whole number");
        assertThatThrownBy(() -> sim.startEventRun(new EventRunSettings())).hasMessageContaining("events is required");
    }

    @Test
    void aCancelledRunStopsStartingEvents() throws Exception {
        register("messages", receiver.url());
        register("delivery_status", receiver.url());
        EventRun run = sim.startEventRun(new EventRunSettings().events(100_000).perSecond(50));
        await().until(() -> run.totals().eventsAnswered2xx() >= 3);
        run.cancel();
        assertThat(run.awaitDone(Duration.ofSeconds(10))).isTrue();
        EventRunTotals totals = run.totals();
        assertThat(totals.cancelled()).isTrue();
        assertThat(totals.started()).isLessThan(100_000);
        assertThat(totals.eventsAnswered2xx()).isEqualTo(receiver.bodiesByKey.size());
    }
}
