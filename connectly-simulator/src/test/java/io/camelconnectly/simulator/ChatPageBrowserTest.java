package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat page as headless Chromium renders it: threads per customer, delivery ticks, escaped user text. */
class ChatPageBrowserTest {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .statusDelay(Duration.ofMillis(10))
            .failingNumbers("+16045550999"));

    @Test
    void showsConversationsAsChatThreadsWithTicks() throws Exception {
        Chromium.require(Chromium.BINARY);
        ConnectlySimulator sim = SIM.get();
        Api api = new Api(sim);
        String hostile = "<img src=x onerror=\"document.title='pwned'\">Where is my order? & thanks";
        sim.customer("+16045550123").named("Ana <b>Souza</b>").sendsText(hostile);
        String reply = api.sendText("+16045550123", "It left our warehouse today").json().path("id").asText();
        sim.customer("+16045550123").reactsTo(reply, "👍");
        api.post("send/whatsapp_templated_messages", "{\"number\":\"+16045550999\",\"templateName\":\"welcome\",\"language\":\"en\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.conversation("+16045550123").get(1).status() == DeliveryStatus.READ
                && sim.conversation("+16045550999").get(0).status() == DeliveryStatus.DELIVERY_FAILED);

        String dom = chromium("--dump-dom", sim.baseUrl() + "/_sim/");

        assertThat(dom).contains("<title>Connectly Simulator</title>"); // the injected onerror did not rename the page
        assertThat(dom).contains("data-customer=\"+16045550123\"").contains("data-customer=\"+16045550999\"");
        assertThat(dom).contains("Ana &lt;b&gt;Souza&lt;/b&gt;");
        assertThat(dom).contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;Where is my order? &amp; thanks");
        assertThat(dom).doesNotContain("<img");
        assertThat(dom).contains("class=\"msg in\"").contains("class=\"msg out\"");
        assertThat(dom).contains("It left our warehouse today");
        assertThat(dom).contains("<span class=\"tick read\" title=\"read\">✓✓</span>");
        assertThat(dom).contains("<span class=\"tick failed\" title=\"delivery failed\">✗</span>");
        assertThat(dom).contains("reacted to: It left our warehouse today");
        assertThat(dom).contains("Welcome! Thanks for joining us on WhatsApp.");
    }

    private static String chromium(String mode, String url) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Chromium.BINARY.toString()));
        command.addAll(Chromium.FLAGS);
        command.addAll(List.of("--user-data-dir=" + Chromium.freshProfile(), mode, url));
        Path out = Files.createTempFile("chromium-dom", ".html");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished within 60 s").isTrue();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
