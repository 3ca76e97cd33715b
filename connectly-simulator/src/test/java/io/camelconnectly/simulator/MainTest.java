package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Command-line parsing: every bad flag names the flag, the value and what is allowed. */
class MainTest {

    @Test
    void parsesEveryFlagInBothForms() throws Exception {
        ConnectlySimulator.Builder builder = Main.parse(new String[] {"--port", "0", "--api-key=k1", "--business-id", "b1",
            "--webhook-secret", "s1", "--template-approval-delay", "500ms", "--rate-limit", "7", "--status-delay=20ms"});
        try (ConnectlySimulator sim = builder.build().start()) {
            assertThat(sim.apiKey()).isEqualTo("k1");
            assertThat(sim.businessId()).isEqualTo("b1");
            assertThat(sim.webhookSecret()).isEqualTo("s1");
            assertThat(sim.port()).isPositive();
            assertThat(builder.describe()).contains("templateApprovalDelay=500ms").contains("rateLimit=7/s");
        }
        assertThat(Main.parse(new String[] {}).port()).isEqualTo(Main.DEFAULT_PORT);
        assertThat(Main.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badFlagsAreExplained() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("--port").hasMessageContaining("70000").hasMessageContaining("0 (any free port) to 65535");
        assertThatThrownBy(() -> Main.parse(new String[] {"--rate-limit", "fast"}))
                .hasMessageContaining("--rate-limit").hasMessageContaining("'fast'").hasMessageContaining("requests per second");
        assertThatThrownBy(() -> Main.parse(new String[] {"--template-approval-delay", "2 sec"}))
                .hasMessageContaining("--template-approval-delay").hasMessageContaining("'2 sec'").hasMessageContaining("ms, s, m, h or d");
        assertThatThrownBy(() -> Main.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("unknown flag --colour").hasMessageContaining("--port");
        assertThatThrownBy(() -> Main.parse(new String[] {"--api-key"})).hasMessageContaining("--api-key needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--business-numbers", "4155550100"}))
                .hasMessageContaining("--business-numbers").hasMessageContaining("E.164");
    }

    @Test
    void durationsUseShortUnits() {
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.format(Duration.ofHours(25))).isEqualTo("25h");
        assertThatThrownBy(() -> Durations.parse("s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpListsTheFlagsWithDefaults() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.usage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--port", "default 8089", "--api-key", "--business-id",
                "--webhook-secret", "--template-approval-delay", "--rate-limit");
    }
}
