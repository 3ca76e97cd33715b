package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** Vector 1 of connectly-fixtures/signature.txt: the compact inbound-text body. */
    private static final String BODY = "{\"timestamp\":\"1717430400\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\","
            + "\"name\":\"Ana Souza\"},\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\",\"name\":\"acme_store\"},"
            + "\"message\":{\"text\":\"Where is my order?\"}}";

    @Test
    void signsLikeTheReferenceVector() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(220);
        assertThat(new WebhookSigner("whsec_test_5f2b9c7e1a4d").sign(body)).isEqualTo("9pVznusCQBjr4x1Bf8EGjrrt+3N3EXWaeBEMPcnhP/Y=");
        assertThat(new WebhookSigner("whsec_test_WRONG").sign(body)).isEqualTo("LvCjXjMnkEbnNCgj9o+VDbuiZ9BFN1iQt26FuERyB8M=");
    }

    @Test
    void refusesAnEmptySecretAndNeverShowsIt() {
        assertThatThrownBy(() -> new WebhookSigner("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebhookSigner("whsec_hidden").toString()).doesNotContain("whsec_hidden");
    }
}
