package io.camelconnectly.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Customers, their 24-hour windows (one per business number they wrote to) and their chat threads. Bounded on purpose: each thread keeps its last
 * {@code threadCapacity} messages and the id index (used to quote a message in a reply) its last
 * {@code indexCapacity} outbound messages, so a load test cannot exhaust memory.
 */
final class Conversations {

    static final class Conversation {
        final String number;
        volatile String name;
        /**
         * Simulated time of the customer's last message to each business number: on WhatsApp each business number is a
         * chat of its own, with its own 24-hour window.
         */
        private final ConcurrentHashMap<String, Long> lastInboundByBusinessNumber = new ConcurrentHashMap<>(4);
        volatile long lastActivityNanos = System.nanoTime();
        private final ArrayDeque<ChatMessage> messages = new ArrayDeque<>();
        /** Auto-replies in a row since the customer last acted by hand or the business sent a template. */
        final java.util.concurrent.atomic.AtomicInteger autoRepliesInARow = new java.util.concurrent.atomic.AtomicInteger();
        /** Outbound messages accepted since the start: unlike {@link #messages} this is never trimmed. */
        private final java.util.concurrent.atomic.LongAdder accepted = new java.util.concurrent.atomic.LongAdder();

        Conversation(String number) {
            this.number = number;
        }

        synchronized void add(ChatMessage message, int capacity) {
            if (messages.size() >= capacity) {
                messages.pollFirst();
            }
            messages.addLast(message);
            lastActivityNanos = System.nanoTime();
        }

        synchronized List<ChatMessage> messages() {
            return new ArrayList<>(messages);
        }

        long acceptedMessages() {
            return accepted.sum();
        }

        /** The customer wrote to {@code businessNumber} at {@code millis}: opens (or renews) that number's window. */
        void wroteTo(String businessNumber, long millis) {
            lastInboundByBusinessNumber.merge(businessNumber, millis, Math::max);
        }

        /** Whether a session message from {@code businessNumber} is allowed at {@code nowMillis}. */
        boolean windowOpen(String businessNumber, long nowMillis) {
            Long last = lastInboundByBusinessNumber.get(businessNumber);
            return last != null && nowMillis - last <= ConnectlyApi.WINDOW_MILLIS;
        }

        /** When the window with {@code businessNumber} closes (or closed), or null when the customer never wrote to it. */
        Instant windowClosesAt(String businessNumber) {
            Long last = lastInboundByBusinessNumber.get(businessNumber);
            return last == null ? null : Instant.ofEpochMilli(last + ConnectlyApi.WINDOW_MILLIS);
        }
    }

    private final ConcurrentHashMap<String, Conversation> threads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ChatMessage> outboundById = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> indexRing;
    private final AtomicLong indexed = new AtomicLong();
    private final int threadCapacity;

    Conversations(int threadCapacity, int indexCapacity) {
        this.threadCapacity = threadCapacity;
        this.indexRing = new AtomicReferenceArray<>(indexCapacity);
    }

    Conversation thread(String number) {
        Conversation thread = threads.get(number);
        return thread != null ? thread : threads.computeIfAbsent(number, Conversation::new);
    }

    Conversation existingThread(String number) {
        return threads.get(number);
    }

    void add(ChatMessage message) {
        Conversation thread = thread(message.customer());
        thread.add(message, threadCapacity);
        if (message.outbound()) {
            thread.accepted.increment();
            outboundById.put(message.id(), message);
            int slot = (int) (indexed.getAndIncrement() % indexRing.length());
            String evicted = indexRing.getAndSet(slot, message.id());
            if (evicted != null) {
                outboundById.remove(evicted);
            }
        }
    }

    ChatMessage outbound(String id) {
        return outboundById.get(id);
    }

    /** Threads, most recently active first. */
    List<Conversation> threads() {
        // sort on a snapshot of the activity times: they change under load while the page is being rendered
        List<Map.Entry<Long, Conversation>> snapshot = new ArrayList<>();
        for (Conversation thread : threads.values()) {
            snapshot.add(Map.entry(thread.lastActivityNanos, thread));
        }
        snapshot.sort(Map.Entry.<Long, Conversation>comparingByKey().reversed());
        List<Conversation> list = new ArrayList<>(snapshot.size());
        snapshot.forEach(e -> list.add(e.getValue()));
        return list;
    }
}
