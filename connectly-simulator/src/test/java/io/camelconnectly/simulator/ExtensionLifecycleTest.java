package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension gives the class (and its @Nested classes) one running simulator. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionLifecycleTest {

    @RegisterExtension
    static final ConnectlySimulatorExtension CONNECTLY = new ConnectlySimulatorExtension(
            ConnectlySimulator.builder().apiKey("ext-key").businessId("ext-biz"));

    static String firstBaseUrl;

    @Test
    @Order(1)
    void runsWithTheBuilderSettings(ConnectlySimulator sim) {
        assertThat(sim).isSameAs(CONNECTLY.get());
        assertThat(CONNECTLY.apiKey()).isEqualTo("ext-key");
        assertThat(CONNECTLY.businessId()).isEqualTo("ext-biz");
        assertThat(CONNECTLY.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(new Api(sim).get("get/quality_signals").status()).isEqualTo(200);
        firstBaseUrl = CONNECTLY.baseUrl();
    }

    @Test
    @Order(2)
    void keepsTheSameSimulatorAcrossTests() {
        assertThat(CONNECTLY.baseUrl()).isEqualTo(firstBaseUrl);
    }

    @Nested
    class Inner {
        @Test
        void nestedTestsShareIt(ConnectlySimulator sim) {
            assertThat(sim).isSameAs(CONNECTLY.get());
            assertThat(new Api(sim).get("get/quality_signals").status()).isEqualTo(200);
        }
    }
}
