package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The program as users start it: a separate JVM running Main, talked to over HTTP. */
class MainProcessTest {

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void startsPrintsItsSettingsAndServesTheApi() throws Exception {
        Process process = start("--port", "0", "--api-key", "cli-key", "--business-id", "cli-biz", "--rate-limit", "50");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Press Ctrl-C")) {
                printed.append(line).append('\n');
            }
            String text = printed.toString();
            assertThat(text).contains("api key         cli-key").contains("business id     cli-biz")
                    .contains("rateLimit=50/s").contains("templateApprovalDelay=3s");
            String baseUrl = text.substring(text.indexOf("listening on ") + 13, text.indexOf('\n')).trim();
            assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:[0-9]+");
            Api.Response response = Api.send("GET", baseUrl + "/v1/businesses/cli-biz/get/quality_signals", "cli-key", null);
            assertThat(response.status()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadFlagExitsWith2AndSaysWhy() throws Exception {
        Process process = start("--template-approval-delay", "soon");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--template-approval-delay 'soon' is not valid").contains("ms, s, m, h or d");
    }
}
