package io.camelconnectly.component.connectly.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision for one send, from what is known, and the keys customers and numbers are stored under. */
class ConversationWindowsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String A = "+14155550100";
    static final String B = "+14155550101";

    @Test
    void aNumberTheCustomerWroteToWithinTheWindowIsOpenOthersAreUnknown() {
        Map<String, Instant> known = Map.of(A, NOW.minus(Duration.ofHours(3)));

        assertThat(ConversationWindows.statusOf(known, A, NOW)).isEqualTo(WindowStatus.OPEN);
        // the FAQ's "inside the window but still refused": another sender has no window of its own
        assertThat(ConversationWindows.statusOf(known, B, NOW)).isEqualTo(WindowStatus.UNKNOWN);
        assertThat(ConversationWindows.statusOf(Map.of(), A, NOW)).isEqualTo(WindowStatus.UNKNOWN);
    }

    @Test
    void aWindowClosingWithinTheSafetyMarginCountsAsClosed() {
        Instant justInside = NOW.minus(ConversationWindows.WINDOW).plus(ConversationWindows.SAFETY_MARGIN).plusSeconds(1);
        Instant withinMargin = NOW.minus(ConversationWindows.WINDOW).plus(ConversationWindows.SAFETY_MARGIN).minusSeconds(1);

        assertThat(ConversationWindows.statusOf(Map.of(A, justInside), A, NOW)).isEqualTo(WindowStatus.OPEN);
        assertThat(ConversationWindows.statusOf(Map.of(A, withinMargin), A, NOW)).isEqualTo(WindowStatus.CLOSED);
        assertThat(ConversationWindows.statusOf(Map.of(A, NOW.minus(Duration.ofDays(3))), A, NOW)).isEqualTo(WindowStatus.CLOSED);
    }

    @Test
    void withoutASenderTheSessionGoesFromTheNumberWhoseWindowIsOpen() {
        Map<String, Instant> openOnB = Map.of(A, NOW.minus(Duration.ofHours(30)), B, NOW.minus(Duration.ofHours(2)));
        assertThat(ConversationWindows.statusOf(openOnB, null, NOW)).isEqualTo(new WindowStatus(WindowStatus.State.OPEN, B));

        // both open: the number the customer wrote to last
        Map<String, Instant> bothOpen = Map.of(A, NOW.minus(Duration.ofMinutes(5)), B, NOW.minus(Duration.ofHours(2)));
        assertThat(ConversationWindows.statusOf(bothOpen, null, NOW)).isEqualTo(new WindowStatus(WindowStatus.State.OPEN, A));

        Map<String, Instant> allClosed = Map.of(A, NOW.minus(Duration.ofHours(30)), B, NOW.minus(Duration.ofHours(25)));
        assertThat(ConversationWindows.statusOf(allClosed, null, NOW)).isEqualTo(WindowStatus.CLOSED);
        assertThat(ConversationWindows.statusOf(Map.of(), null, NOW)).isEqualTo(WindowStatus.UNKNOWN);
    }

    @Test
    void customersAndNumbersAreKeyedTheWayTheyAreWrittenOnBothSides() {
        assertThat(ConversationWindows.customerKey("+16045550123")).isEqualTo("+16045550123");
        assertThat(ConversationWindows.customerKey("16045550123")).isEqualTo("+16045550123");
        assertThat(ConversationWindows.customerKey(" +1 (604) 555-0123 ")).isEqualTo("+16045550123");
        // a business-scoped user id: the template API's bsuid: form and the webhook's bare form are one customer
        assertThat(ConversationWindows.customerKey("bsuid:US.13491208655302741918")).isEqualTo("US.13491208655302741918");
        assertThat(ConversationWindows.customerKey("US.13491208655302741918")).isEqualTo("US.13491208655302741918");
        assertThat(ConversationWindows.customerKey(" ")).isNull();
        assertThat(ConversationWindows.numberKey("14155550100")).isEqualTo(A);
        assertThat(ConversationWindows.statusOf(Map.of(A, NOW), "1 415 555 0100", NOW)).isEqualTo(WindowStatus.OPEN);
    }
}
