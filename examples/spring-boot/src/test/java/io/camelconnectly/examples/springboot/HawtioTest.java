package io.camelconnectly.examples.springboot;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hawtio at {@code /actuator/hawtio} on the management port, as README gives it: its Camel routes page in headless
 * Chromium lists the example's routes with their exchange counts, and its Jolokia serves what the Camel tab shows (the
 * connectly endpoints' counters, the routes as XML for the diagrams) to Hawtio's own origin only.
 * {@code -Dexample.screenshot=<file.png>} saves the routes page.
 */
@ExampleApplicationTest
@DisableJmx(false)
class HawtioTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> ROUTES = List.of("order-shipped", "customer-conversations");
    /** The origin of Hawtio's pages, which its requests carry. */
    static final String HAWTIO_ORIGIN = "http://127.0.0.1";

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    String hawtio;

    @BeforeEach
    void anOrderShipsSoEveryRouteHasExchanges() throws Exception {
        hawtio = "http://127.0.0.1:" + managementPort + "/actuator/hawtio";
        String order = "{\"phone\":\"+16045550188\",\"name\":\"Bo\",\"orderId\":\"H-1\"}";
        HttpResponse<String> shipped = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/shipped"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(order)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        // the template's delivery statuses come back through the webhook route
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> completed = completedExchanges();
            for (String route : ROUTES) {
                assertThat(completed.getOrDefault(route, 0L)).as("exchanges completed by " + route).isPositive();
            }
        });
    }

    @Test
    void theCamelRoutesPageListsTheExampleRoutesWithTheirExchanges() throws Exception {
        requireBrowser();
        WebDriver browser = chrome();
        try {
            browser.get(hawtio + "/camel/routes");
            // the context's routes folder in Hawtio's Camel tree opens on the route diagram, with live counters
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    browser.findElement(By.xpath("//*[normalize-space(text())='routes']")).click());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(main(browser))
                    .contains("Route Diagram", "To connectly:send"));
            // its Routes tab: the routes table with their exchange counts
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    browser.findElement(By.xpath("//main//*[normalize-space(text())='Routes']")).click());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String table = main(browser);
                assertThat(table).contains("Completed", "Started");
                for (String route : ROUTES) {
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
    }

    static String main(WebDriver browser) {
        return browser.findElement(By.tagName("main")).getText();
    }

    @Test
    void theConnectlyEndpointsCountersAndTheRouteDiagramsSourceAreServed() throws Exception {
        JsonNode counters = jolokia("/read/" + encode("org.apache.camel:context=*,type=endpoints,name=*")
                                    + "/ProducerSucceeded,WebhooksVerified", HAWTIO_ORIGIN).path("value");
        assertThat(counters.findValues("ProducerSucceeded")).as(counters.toString())
                .anySatisfy(sent -> assertThat(sent.asLong()).isPositive());
        assertThat(counters.findValues("WebhooksVerified")).as(counters.toString())
                .anySatisfy(verified -> assertThat(verified.asLong()).isPositive());

        // what Hawtio draws the route diagram from
        JsonNode xml = jolokia("/exec/" + encode("org.apache.camel:context=*,type=routes,name=\"order-shipped\"")
                               + "/dumpRouteAsXml(boolean)/true", HAWTIO_ORIGIN).path("value");
        assertThat(xml.toString()).contains("order-shipped", "connectly:sendTemplatedMessage");
    }

    @Test
    void anotherSitesPageOrAClientWithoutOriginIsRefusedByJolokia() throws Exception {
        String read = "/read/" + encode("org.apache.camel:context=*,type=routes,name=*") + "/ExchangesCompleted";

        assertThat(jolokia(read, "http://attacker.example").path("status").asInt()).isEqualTo(403);
        assertThat(jolokia(read, "http://127.0.0.1.attacker.example").path("status").asInt()).isEqualTo(403);
        assertThat(jolokia(read, null).path("status").asInt()).isEqualTo(403);
        assertThat(jolokia(read, HAWTIO_ORIGIN).path("status").asInt()).isEqualTo(200);
    }

    /** A Jolokia request through Hawtio's path, as the Camel tab makes it. */
    JsonNode jolokia(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hawtio + "/jolokia" + path))
                .timeout(Duration.ofSeconds(20));
        if (origin != null) {
            request.header("Origin", origin);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    Map<String, Long> completedExchanges() throws Exception {
        JsonNode routes = jolokia("/read/" + encode("org.apache.camel:context=*,type=routes,name=*")
                                  + "/RouteId,ExchangesCompleted", HAWTIO_ORIGIN).path("value");
        Map<String, Long> completed = new HashMap<>();
        routes.forEach(route -> completed.put(route.path("RouteId").asText(), route.path("ExchangesCompleted").asLong()));
        return completed;
    }

    static String encode(String mbeanPattern) {
        return URLEncoder.encode(mbeanPattern, StandardCharsets.UTF_8).replace("+", "%20");
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
