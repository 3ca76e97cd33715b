package io.camelconnectly.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * README's quick start as a user sees it: the executable jar starts with its defaults (simulator, seed data, Hawtio),
 * Hawtio's Camel routes page in headless Chromium lists the example's routes, and every flow's route has completed
 * exchanges from the seed data without any action. {@code -Dexample.screenshot=<file.png>} saves the page.
 */
class HawtioBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> FLOW_ROUTES = List.of("orders-to-whatsapp", "email-to-whatsapp", "crm-to-whatsapp",
            "campaign-csv", "connectly-events");

    @TempDir
    Path workDirectory;

    @Test
    void hawtioListsTheRoutesAndEveryFlowCompletesExchangesWithNoUserAction() throws Exception {
        requireBrowser();
        try (ExampleJarProcess app = ExampleJarProcess.start(workDirectory, Map.of())) {
            String routesPage = app.awaitLog("Hawtio ready: (\\S+)", Duration.ofMinutes(3));
            assertThat(app.log()).contains("Connectly example ready in", "Seeded the first minute");

            // the seed data runs through every flow: each flow's route completes exchanges (read through Hawtio's Jolokia)
            String jolokia = routesPage.replace("/camel/routes", "/jolokia");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Long> completed = completedExchanges(jolokia);
                for (String route : FLOW_ROUTES) {
                    assertThat(completed.getOrDefault(route, 0L)).as("exchanges completed by " + route).isPositive();
                }
            });

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

    /** ExchangesCompleted of every route, by route id, through Hawtio's Jolokia. */
    static Map<String, Long> completedExchanges(String jolokia) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
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
