package io.camelconnectly.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README's quick start as a user sees it: the executable jar starts with its defaults (simulator with customers who
 * answer by themselves, seed data, Hawtio); within the first minute, with no action, every flow's route has completed
 * exchanges, the customers' replies are back in the order rows, the mail sender's mailbox and the CRM, and the mail to
 * a customer whose window is closed went out as the fallback template with no refused call. Hawtio's Camel routes page
 * in headless Chromium lists the example's routes. {@code -Dexample.screenshot=<file.png>} saves the page.
 */
class HawtioBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> FLOW_ROUTES = List.of("orders-to-whatsapp", "email-to-whatsapp", "crm-to-whatsapp",
            "campaign-csv", "connectly-events", "order-track", "email-events", "crm-events", "track-sent");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDirectory;

    @Test
    void hawtioListsTheRoutesAndEveryFlowCompletesExchangesWithNoUserAction() throws Exception {
        requireBrowser();
        try (ExampleJarProcess app = ExampleJarProcess.start(workDirectory, Map.of())) {
            String routesPage = app.awaitLog("Hawtio ready: (\\S+)", Duration.ofMinutes(3));
            assertThat(app.log()).contains("Connectly example ready in");
            // the mail and CRM seeds wait for the templates the app created at start to be approved
            app.awaitLog("Seeded the first minute", Duration.ofSeconds(60));

            // the seed data and the customers' answers run through every flow: each flow's route, and those that
            // take the replies back, complete exchanges (read through Hawtio's Jolokia)
            String jolokia = routesPage.replace("/camel/routes", "/jolokia");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Long> completed = completedExchanges(jolokia);
                for (String route : FLOW_ROUTES) {
                    assertThat(completed.getOrDefault(route, 0L)).as("exchanges completed by " + route).isPositive();
                }
            });
            assertFirstMinute(app);

            WebDriver browser = chrome();
            try {
                browser.get(routesPage);
                // the context's routes folder in Hawtio's Camel tree opens the routes table with its counters
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                        browser.findElement(By.xpath("//*[normalize-space(text())='routes']")).click());
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    String table = browser.findElement(By.tagName("main")).getText();
                    assertThat(table).contains("Completed");
                    for (String route : FLOW_ROUTES) {
                        assertThat(table).contains(route);
                    }
                });
                String screenshot = System.getProperty("example.screenshot");
                if (screenshot != null && !screenshot.isBlank()) {
                    Files.write(Path.of(screenshot), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
            } finally {
                browser.quit();
            }
            assertThat(app.log()).doesNotContain("Exception in thread");
            // the simulator's key and secret and the CRM tokens are never printed (Camel's summaries mask them)
            assertThat(app.log()).doesNotContain("sim-api-key", "sim-webhook-secret", "crm-api-demo-token", "crm-event-demo-token");
        }
    }

    /** What the first minute shows, with no user action: replies in the order rows, the mailbox and the CRM. */
    private static void assertFirstMinute(ExampleJarProcess app) throws Exception {
        String server = "http://127.0.0.1:" + app.port("EXAMPLE_SERVER_PORT");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // Ana, Ben and Chloé tapped Track (then answered the tracking link); Dan's number fails: no answer
            assertThat(getJson(server + "/orders").findValuesAsText("replied_at")).filteredOn(at -> !at.equals("null")).hasSize(3);
            assertThat(getJson(server + "/messages")).filteredOn(row -> row.path("sent_as").asText().equals("session")
                                                                       && row.path("callback_data").asText().contains("orders"))
                    .as("tracking links sent").hasSize(3);
            assertThat(getJson("http://127.0.0.1:" + app.port("EXAMPLE_CRM_PORT") + "/api/activities").findValuesAsText("record"))
                    .contains("deals/D-1").anyMatch(record -> record.startsWith("tickets/"));
            assertThat(mailSubjects(app.port("EXAMPLE_MAIL_IMAP_PORT"), "billing@shop.example"))
                    .contains("Re: " + FirstMinute.MAIL_CUSTOMER + " Your invoice INV-2041");
        });
        // Dev's window was known closed: the mail went out as the fallback template, with no session message tried
        assertThat(getJson(server + "/messages")).anySatisfy(row -> {
            assertThat(row.path("recipient").asText()).isEqualTo(FirstMinute.MAIL_CUSTOMER);
            assertThat(row.path("template_name").asText()).isEqualTo("mail_received");
        });
        String simulator = "http://127.0.0.1:" + app.port("EXAMPLE_SIMULATOR_PORT");
        assertThat(getJson(simulator + "/_sim/requests")).as("session messages tried for " + FirstMinute.MAIL_CUSTOMER)
                .noneMatch(request -> request.path("path").asText().endsWith("/send/messages")
                                      && request.path("body").asText().contains(FirstMinute.MAIL_CUSTOMER));
        // and no session message at all was refused in the first minute (the simulator counts per operation)
        JsonNode sessionSends = getJson(simulator + "/_sim/stats").path("operations").path("send/messages");
        assertThat(sessionSends.path("requests").asLong()).as("session messages refused: " + sessionSends)
                .isEqualTo(sessionSends.path("tookEffect").asLong() + sessionSends.path("faulted").asLong()
                           + sessionSends.path("rateLimited").asLong());
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /**
     * The subjects in a GreenMail mailbox (GreenMail's user and password are the address); none before its first mail,
     * which creates the mailbox.
     */
    private static List<String> mailSubjects(int imapPort, String address) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        try {
            store.connect("127.0.0.1", imapPort, address, address);
        } catch (AuthenticationFailedException noMailboxYet) {
            return List.of();
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
                return subjects;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** ExchangesCompleted of every route, by route id, through Hawtio's Jolokia. */
    static Map<String, Long> completedExchanges(String jolokia) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                jolokia + "/read/org.apache.camel:context=*,type=routes,name=*/RouteId,ExchangesCompleted"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode value = new ObjectMapper().readTree(response.body()).path("value");
        Map<String, Long> completed = new java.util.HashMap<>();
        value.forEach(route -> completed.put(route.path("RouteId").asText(), route.path("ExchangesCompleted").asLong()));
        return completed;
    }

    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            assertThat("true".equalsIgnoreCase(System.getenv("CI")))
                    .as("Chromium and its driver are required on CI: apt-get install chromium chromium-driver").isFalse();
            Assumptions.abort("Chromium or chromedriver missing: apt-get install chromium chromium-driver to run this test");
        }
    }

    static WebDriver chrome() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // the local driver: Selenium Manager never downloads anything
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
