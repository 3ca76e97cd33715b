package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder().rateLimit(3));

    @Test
    void sendsAboveTheLimitGet429WithRetryAfter() {
        Api api = new Api(SIM.get());
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(api.post("send/whatsapp_templated_messages", "{\"number\":\"+16045550123\",\"templateName\":\"welcome\",\"language\":\"en\"}"));
        }
        assertThat(responses).anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
        Api.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among " + responses));
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.code()).isEqualTo("ERROR_CODE_RATE_LIMIT_EXCEEDED");
        assertThat(limited.json().path("cntTraceId").asText()).matches("[0-9]+");
        // reads are not limited
        assertThat(api.post("get/templates", null).status()).isEqualTo(200);
    }
}
