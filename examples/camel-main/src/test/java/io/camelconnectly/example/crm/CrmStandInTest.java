package io.camelconnectly.example.crm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM stand-in's own API over loopback HTTP. */
class CrmStandInTest {

    private CrmStandIn crm;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        // events go nowhere in these tests: a closed port
        crm = new CrmStandIn("127.0.0.1", 0, URI.create("http://127.0.0.1:9/crm/events"), "api-token", "event-token").start();
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    private HttpResponse<String> post(String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(crm.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anActivityNeedsTheApiTokenAndAKnownRecord() throws Exception {
        String activity = "{\"channel\":\"whatsapp\",\"direction\":\"inbound\",\"from\":\"+16045550105\",\"text\":\"Thanks\"}";

        assertThat(post("/api/deals/D-1/activities", null, activity).statusCode()).isEqualTo(401);
        assertThat(post("/api/deals/D-1/activities", "Bearer wrong", activity).statusCode()).isEqualTo(401);
        assertThat(post("/api/deals/D-404/activities", "Bearer api-token", activity).statusCode()).isEqualTo(404);
        assertThat(post("/api/deals/D-1/activities", "Bearer api-token", "{\"text\":\"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> created = post("/api/deals/D-1/activities", "Bearer api-token", activity);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"record\":\"deals/D-1\"", "\"text\":\"Thanks\"");
        assertThat(crm.activities()).singleElement().satisfies(a -> {
            assertThat(a.record()).isEqualTo("deals/D-1");
            assertThat(a.from()).isEqualTo("+16045550105");
        });
    }

    @Test
    void theOverviewPageEscapesWhatItShows() throws Exception {
        crm.openTicket("C-2", "<script>alert(1)</script> & co");

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(crm.baseUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").doesNotContain("<script>");
    }

    @Test
    void anEventThatIsNotAcceptedIsRedelivered() {
        crm.changeDealStage("D-2", "proposal");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> crm.eventDeliveries().size() >= 2);
        assertThat(crm.eventDeliveries()).allMatch(d -> d.status() == 0 && d.eventId().equals("evt-1"))
                .extracting(CrmStandIn.EventDelivery::attempt).startsWith(1, 2);
    }
}
