package io.camelconnectly.example;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live mode (CONNECTLY_API_KEY set) says what else it needs before anything starts. */
class LiveModeTest {

    @TempDir
    Path campaigns;

    @Test
    void anApiKeyWithoutBusinessIdNamesTheMissingVariable() {
        assertThatThrownBy(() -> RunningExample.start(campaigns, Map.of("connectly.api-key", "live-key-3f9a")))
                .hasStackTraceContaining("Live mode (CONNECTLY_API_KEY is set) also needs CONNECTLY_BUSINESS_ID")
                .hasStackTraceContaining("from your Connectly dashboard");
    }

    @Test
    void aHawtioOnAPublicAddressWithoutLoginIsRefused() {
        assertThatThrownBy(() -> RunningExample.start(campaigns, Map.of("example.hawtio.enabled", "true",
                "example.hawtio.host", "0.0.0.0")))
                .hasStackTraceContaining("Property example.hawtio.host is '0.0.0.0', not a loopback address")
                .hasStackTraceContaining("-Dhawtio.authenticationEnabled=true");
    }
}
