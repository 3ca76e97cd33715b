package io.camelconnectly.simulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Simulated customers who answer by themselves (opt-in), so an application's flows run with nobody at the chat page.
 * After an outbound message is read (the status delays) plus the auto-reply delay, its customer answers the business
 * number the message came from:
 * <ul>
 *   <li>taps the first quick-reply button of a template, the first button of a reply-button message, or the first row
 *       of a list message;</li>
 *   <li>writes the auto-reply text to a session text or a template without quick replies;</li>
 *   <li>does nothing for media, locations, products and campaigns.</li>
 * </ul>
 * Never to a message that fails (failing numbers), never to its own messages, never when opted out. Bounded: a
 * customer sends at most {@code limit} auto-replies in a row (the count restarts when the business sends a template or
 * the customer acts by hand), so an application that answers every reply cannot start an endless exchange; and at most
 * {@link #MAX_PENDING} auto-replies wait on timers at once (the excess is skipped and counted).
 */
final class AutoReplier {

    static final int MAX_PENDING = 10_000;
    static final String DEFAULT_TEXT = "Thanks, got it!";
    static final int DEFAULT_LIMIT = 3;

    /** One immutable setting, swapped as a whole. */
    record Settings(boolean enabled, Duration delay, String text, int limit) {
        Settings {
            Durations.require(delay, "autoReply delay", true, Fault.MAX_DELAY);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("autoReplyText must not be empty");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("autoReplyLimit must be at least 1, got " + limit);
            }
        }

        String describe() {
            return enabled ? "after " + Durations.format(delay) + ", at most " + limit + " in a row" : "off";
        }
    }

    private volatile Settings settings;
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final StatusTimeline timeline;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private volatile Vertx vertx;
    private volatile ConnectlyApi api;

    AutoReplier(Settings settings, Set<String> optedOut, StatusTimeline timeline) {
        this.settings = settings;
        this.optedOut.addAll(optedOut);
        this.timeline = timeline;
    }

    /** Connects to the running simulator (timers and the customer actions). */
    void attach(Vertx vertx, ConnectlyApi api) {
        this.vertx = vertx;
        this.api = api;
    }

    Settings settings() {
        return settings;
    }

    void configure(Settings settings) {
        this.settings = settings;
    }

    void optOut(String customer, boolean out) {
        if (out) {
            optedOut.add(customer);
        } else {
            optedOut.remove(customer);
        }
    }

    Set<String> optedOut() {
        return new TreeSet<>(optedOut);
    }

    long sent() {
        return sent.sum();
    }

    long skipped() {
        return skipped.sum();
    }

    /** A customer acted: by hand, which restarts the count of auto-replies in a row, or by auto-reply. */
    void customerActed(Conversations.Conversation thread, boolean automatic) {
        if (automatic) {
            thread.autoRepliesInARow.incrementAndGet();
        } else {
            thread.autoRepliesInARow.set(0);
        }
    }

    /** An outbound message was accepted: schedules its customer's answer when auto-reply applies. */
    void accepted(ChatMessage message, Conversations.Conversation thread) {
        if (message.kind() == ChatMessage.Kind.TEMPLATE) {
            thread.autoRepliesInARow.set(0); // a template opens a new exchange
        }
        Settings current = settings;
        Vertx timers = vertx;
        if (!current.enabled() || timers == null || message.failing() || optedOut.contains(message.customer())
                || answer(message) == null) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            skipped.increment();
            return;
        }
        long readAfter = timeline.sent.plus(timeline.delivered).plus(timeline.read).plus(current.delay()).toMillis();
        timers.setTimer(Math.max(1, readAfter), timer -> {
            pending.decrementAndGet();
            reply(message, thread);
        });
    }

    private void reply(ChatMessage message, Conversations.Conversation thread) {
        Settings current = settings;
        if (!current.enabled() || optedOut.contains(message.customer()) || thread.autoRepliesInARow.get() >= current.limit()) {
            skipped.increment();
            return;
        }
        try {
            ChatMessage.ReplyOption option = answer(message);
            // the answer goes to the number that wrote to the customer (a tap quotes the message, so it does too)
            if (option == WRITE) {
                api.customerWrites(message.customer(), message.businessNumber(), current.text(), true);
            } else {
                api.tap(message.customer(), null, message.id(), option, true);
            }
            sent.increment();
        } catch (RuntimeException e) {
            skipped.increment(); // the message left the reply index under load: nothing to answer
        }
    }

    private static final ChatMessage.ReplyOption WRITE = new ChatMessage.ReplyOption(null, "", "", "");

    /** The first option to tap, {@link #WRITE} to answer with text, or null for no answer. */
    private static ChatMessage.ReplyOption answer(ChatMessage message) {
        List<ChatMessage.ReplyOption> options = message.replyOptions();
        if (!options.isEmpty()) {
            return options.get(0);
        }
        return message.kind() == ChatMessage.Kind.TEXT || message.kind() == ChatMessage.Kind.TEMPLATE ? WRITE : null;
    }
}
