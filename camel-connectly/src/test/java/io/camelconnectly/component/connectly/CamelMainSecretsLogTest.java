package io.camelconnectly.component.connectly;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Camel Main startup log, at INFO and at DEBUG, holds neither the API key nor the webhook secret when they are
 * configured as README documents (environment variables the component reads itself), not even when a property name is
 * misspelt. A secret written as a property is masked in the INFO summary (webhookSecret too, whose name Camel's own list
 * lacks). Each run is a fresh JVM, so that the log level applies to every logger from the start.
 */
class CamelMainSecretsLogTest {

    private static final String API_KEY = "ck_live_MAINLOG_4b7e19d2";
    private static final String WEBHOOK_SECRET = "whsec_MAINLOG_8c2f55a1";
    private static final String BUSINESS_ID = "biz-mainlog";

    private static RecordingHttpServer connectly;

    @TempDir
    Path dir;

    @BeforeAll
    static void startConnectly() throws Exception {
        connectly = new RecordingHttpServer();
    }

    @AfterAll
    static void stopConnectly() {
        connectly.close();
    }

    /** The README's application.properties for Camel Main, with the simulator's base URL and a loopback server. */
    private String documentedProperties() {
        return """
                camel.main.name = connectly-app
                camel.component.connectly.business-id = %s
                camel.component.connectly.base-url = %s
                camel.server.enabled = true
                camel.server.maxBodySize = 1048576
                camel.server.host = 127.0.0.1
                camel.server.port = %d
                """.formatted(BUSINESS_ID, connectly.baseUrl(), AvailablePortFinder.getNextAvailable());
    }

    private String run(String level, String properties, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("application-" + System.nanoTime() + ".properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + level,
                // as README says: Apache HttpClient prints every request header (X-API-Key too) at DEBUG
                "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=info",
                "-cp", System.getProperty("java.class.path"),
                MainStartupLogApp.class.getName(), file.toAbsolutePath().toString()));
        builder.environment().remove(ConnectlyComponent.ENV_API_KEY);
        builder.environment().remove(ConnectlyComponent.ENV_WEBHOOK_SECRET);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        File output = dir.resolve("output-" + level + "-" + System.nanoTime() + ".log").toFile();
        builder.redirectOutput(output);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the application ended").isTrue();
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }

    private static final Map<String, String> SECRETS_IN_ENVIRONMENT = Map.of(
            ConnectlyComponent.ENV_API_KEY, API_KEY, ConnectlyComponent.ENV_WEBHOOK_SECRET, WEBHOOK_SECRET);

    @Test
    void theDocumentedConfigurationLeaksNoSecretAtInfoOrDebug() throws Exception {
        for (String level : List.of("info", "debug")) {
            connectly.reset();
            connectly.on("/send/messages", reply(200, "{\"id\":\"main-1\"}"));

            String log = run(level, documentedProperties(), SECRETS_IN_ENVIRONMENT);

            assertThat(log).as(level + " log").contains("SENT main-1").contains("Connectly webhook receiving POSTs");
            if ("debug".equals(level)) {
                assertThat(log).as("a DEBUG log").contains("DEBUG org.apache.camel.main");
            }
            assertThat(log).as(level + " log").doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);
            // the component did read them: the key reached Connectly, the webhook route started with the secret
            assertThat(connectly.last().header("X-API-Key")).isEqualTo(API_KEY);
        }
    }

    @Test
    void aMisspeltPropertyStopsTheStartWithoutPrintingASecret() throws Exception {
        String log = run("debug", documentedProperties().replace("business-id", "busines-id"), SECRETS_IN_ENVIRONMENT);

        assertThat(log).contains("START FAILED").contains("busines");
        assertThat(log).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);
    }

    @Test
    void secretsWrittenAsPropertiesAreMaskedInTheInfoSummary() throws Exception {
        connectly.reset();
        connectly.on("/send/messages", reply(200, "{\"id\":\"main-2\"}"));
        String log = run("info", documentedProperties() + "camel.component.connectly.api-key = " + API_KEY + "\n"
                                 + "camel.component.connectly.webhook-secret = " + WEBHOOK_SECRET + "\n",
                Map.of());

        assertThat(log).contains("SENT main-2").contains("camel.component.connectly.webhookSecret = xxxxxx")
                .contains("camel.component.connectly.apiKey = xxxxxx");
        assertThat(log).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);
    }
}
