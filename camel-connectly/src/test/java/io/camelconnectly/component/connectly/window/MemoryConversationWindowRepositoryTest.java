package io.camelconnectly.component.connectly.window;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryConversationWindowRepositoryTest {

    static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void keepsTheNewestTimePerCustomerAndNumber() {
        MemoryConversationWindowRepository repository = new MemoryConversationWindowRepository();
        repository.recordCustomerMessage("+16045550123", "+14155550100", T);
        repository.recordCustomerMessage("+16045550123", "+14155550100", T.minusSeconds(60)); // a late redelivery
        repository.recordCustomerMessage("+16045550123", "+14155550101", T.minusSeconds(3600));

        assertThat(repository.lastCustomerMessages("+16045550123"))
                .isEqualTo(Map.of("+14155550100", T, "+14155550101", T.minusSeconds(3600)));
        repository.recordCustomerMessage("+16045550123", "+14155550100", T.plusSeconds(5));
        assertThat(repository.lastCustomerMessages("+16045550123")).containsEntry("+14155550100", T.plusSeconds(5));
        assertThat(repository.lastCustomerMessages("+16045550999")).isEmpty();
        assertThat(repository.isBlocking()).isFalse();
    }

    @Test
    void isBoundedAndForgetsTheCustomerRecordedLongestAgo() {
        MemoryConversationWindowRepository repository = new MemoryConversationWindowRepository(100);
        for (int i = 0; i < 1_000; i++) {
            repository.recordCustomerMessage("+1604555" + String.format("%04d", i), "+14155550100", T.plusSeconds(i));
        }
        assertThat(repository.size()).isLessThanOrEqualTo(100);
        assertThat(repository.lastCustomerMessages("+16045550999")).isNotEmpty();
        assertThat(repository.lastCustomerMessages("+16045550000")).isEmpty();
        assertThatThrownBy(() -> new MemoryConversationWindowRepository(0)).hasMessageContaining("maxCustomers");
    }
}
