package io.camelconnectly.component.connectly.webhook;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.NEGATIVE_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_2_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_3_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.WRONG_SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureVerifierTest {

    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRET);

    @Test
    void acceptsTheThreeFixtureVectors() {
        assertThat(bytes("webhook-inbound-text.compact.json")).isEqualTo(utf8(COMPACT_INBOUND_TEXT));
        assertThat(verifier.verify(utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE)).isTrue();
        assertThat(verifier.verify(bytes("webhook-inbound-text.json"), VECTOR_2_SIGNATURE)).isTrue();
        assertThat(verifier.verify(bytes("webhook-delivery-delivered.json"), VECTOR_3_SIGNATURE)).isTrue();
        assertThat(WebhookSignatureVerifier.sign(utf8(COMPACT_INBOUND_TEXT), SECRET)).isEqualTo(VECTOR_1_SIGNATURE);
    }

    @Test
    void rejectsTheNegativeVectorAWrongSecretAndATamperedBody() {
        byte[] body = utf8(COMPACT_INBOUND_TEXT);
        assertThat(verifier.verify(body, NEGATIVE_SIGNATURE)).isFalse();
        assertThat(WebhookSignatureVerifier.sign(body, WRONG_SECRET)).isEqualTo(NEGATIVE_SIGNATURE);
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length - 5] ^= 1;
        assertThat(verifier.verify(tampered, VECTOR_1_SIGNATURE)).isFalse();
        // the signature of the pretty file does not fit the compact body of the same JSON
        assertThat(verifier.verify(body, VECTOR_2_SIGNATURE)).isFalse();
    }

    @Test
    void rejectsMissingAndGarbageHeaders() {
        byte[] body = utf8(COMPACT_INBOUND_TEXT);
        assertThat(verifier.verify(body, null)).isFalse();
        assertThat(verifier.verify(body, "")).isFalse();
        assertThat(verifier.verify(body, "not base64 !!")).isFalse();
        assertThat(verifier.verify(body, "c2hvcnQ=")).isFalse();
        assertThat(verifier.verify(body, " " + VECTOR_1_SIGNATURE + " ")).isTrue();
    }

    @Test
    void acceptsEverySecretOfARotation() {
        WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(" whsec_new_secret , " + SECRET + ",");
        byte[] body = utf8(COMPACT_INBOUND_TEXT);
        assertThat(rotating.secretCount()).isEqualTo(2);
        assertThat(rotating.verify(body, VECTOR_1_SIGNATURE)).isTrue();
        assertThat(rotating.verify(body, WebhookSignatureVerifier.sign(body, "whsec_new_secret"))).isTrue();
        assertThat(rotating.verify(body, NEGATIVE_SIGNATURE)).isFalse();
    }

    @Test
    void requiresASecretAndNeverShowsIt() {
        assertThatThrownBy(() -> new WebhookSignatureVerifier(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhookSecret is required");
        assertThatThrownBy(() -> new WebhookSignatureVerifier(" , "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhookSecret");
        assertThat(new WebhookSignatureVerifier(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        byte[] good = utf8(COMPACT_INBOUND_TEXT);
        byte[] other = bytes("webhook-delivery-delivered.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] futures = new Future<?>[4];
            for (int t = 0; t < futures.length; t++) {
                futures[t] = pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        assertThat(verifier.verify(good, VECTOR_1_SIGNATURE)).isTrue();
                        assertThat(verifier.verify(other, VECTOR_3_SIGNATURE)).isTrue();
                        assertThat(verifier.verify(other, VECTOR_1_SIGNATURE)).isFalse();
                    }
                    return null;
                });
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
