package io.camelconnectly.simulator;

import java.time.Duration;

/**
 * What an {@link EventRun} posts and how it redelivers. Every setting has a default except {@link #events(int)}.
 *
 * <pre>{@code
 * EventRun run = sim.startEventRun(new EventRunSettings().events(10_000).perSecond(500).duplicates(0.1)
 *         .maxAttempts(30).initialRetryDelay(Duration.ofMillis(200)).maxRetryDelay(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class EventRunSettings {

    static final int MAX_EVENTS = 10_000_000;

    private int events;
    private double perSecond = 200;
    private double duplicates;
    private Duration duplicateDelay = Duration.ZERO;
    private double messageShare = 0.5;
    private int maxAttempts = 10;
    private Duration initialRetryDelay = Duration.ofMillis(500);
    private Duration maxRetryDelay = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(3);
    private int maxInFlight = 64;
    private long seed = 1;
    private String keyPrefix;

    /** How many distinct events to post, 1 to 10,000,000 (required). */
    public EventRunSettings events(int events) {
        if (events < 1 || events > MAX_EVENTS) {
            throw new IllegalArgumentException("events must be from 1 to " + MAX_EVENTS + ", got " + events);
        }
        this.events = events;
        return this;
    }

    /** New events started per second; 0 means as fast as {@link #maxInFlight(int)} allows. Default 200. */
    public EventRunSettings perSecond(double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be 0 (as fast as possible) or a positive rate, got " + perSecond);
        }
        this.perSecond = perSecond;
        return this;
    }

    /** The share of events posted a second time (the same bytes, as its own delivery), 0 to 1. Default 0. */
    public EventRunSettings duplicates(double share) {
        this.duplicates = share(share, "duplicates");
        return this;
    }

    /** How long after the first post of an event its duplicate is posted; default 0: at once, racing the first. */
    public EventRunSettings duplicateDelay(Duration delay) {
        this.duplicateDelay = Durations.require(delay, "duplicateDelay", true, Fault.MAX_DELAY);
        return this;
    }

    /** The share of inbound messages ({@code messages} topic); the rest are delivery statuses. Default 0.5. */
    public EventRunSettings messageShare(double share) {
        this.messageShare = share(share, "messageShare");
        return this;
    }

    /** Posts of one delivery (the first and its redeliveries) before giving up; default 10. */
    public EventRunSettings maxAttempts(int attempts) {
        if (attempts < 1 || attempts > 1000) {
            throw new IllegalArgumentException("maxAttempts must be from 1 to 1000, got " + attempts);
        }
        this.maxAttempts = attempts;
        return this;
    }

    /** The wait before the first redelivery, doubled for each further one; default 500 ms. */
    public EventRunSettings initialRetryDelay(Duration delay) {
        this.initialRetryDelay = positive(delay, "initialRetryDelay");
        return this;
    }

    /** The longest wait between redeliveries; default 10 s. */
    public EventRunSettings maxRetryDelay(Duration delay) {
        this.maxRetryDelay = positive(delay, "maxRetryDelay");
        return this;
    }

    /** How long to wait for an answer before counting a timeout (and redelivering); default 3 s. */
    public EventRunSettings timeout(Duration timeout) {
        this.timeout = positive(timeout, "timeout");
        return this;
    }

    /** Posts waiting for an answer at once, at most; default 64. */
    public EventRunSettings maxInFlight(int maxInFlight) {
        if (maxInFlight < 1 || maxInFlight > 10_000) {
            throw new IllegalArgumentException("maxInFlight must be from 1 to 10000, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return this;
    }

    /** Decides which events are messages and which are duplicated: the same seed gives the same run. Default 1. */
    public EventRunSettings seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The start of every event key; default the run id and a dash ({@code r1-}). Letters, digits, '-', '_', '.'. */
    public EventRunSettings keyPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > 64 || !prefix.chars().allMatch(
                c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.')) {
            throw new IllegalArgumentException("keyPrefix must be 1 to 64 ASCII letters, digits, '-', '_' or '.', got '" + prefix + "'");
        }
        this.keyPrefix = prefix;
        return this;
    }

    private static double share(double share, String name) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be from 0 to 1, got " + share);
        }
        return share;
    }

    private static Duration positive(Duration d, String name) {
        return Durations.require(d, name, false, Fault.MAX_DELAY);
    }

    EventRunSettings copy() {
        if (events == 0) {
            throw new IllegalArgumentException("events is required: how many distinct events to post");
        }
        if (maxRetryDelay.compareTo(initialRetryDelay) < 0) {
            throw new IllegalArgumentException("maxRetryDelay (" + Durations.format(maxRetryDelay)
                    + ") must not be shorter than initialRetryDelay (" + Durations.format(initialRetryDelay) + ")");
        }
        EventRunSettings copy = new EventRunSettings();
        copy.events = events;
        copy.perSecond = perSecond;
        copy.duplicates = duplicates;
        copy.duplicateDelay = duplicateDelay;
        copy.messageShare = messageShare;
        copy.maxAttempts = maxAttempts;
        copy.initialRetryDelay = initialRetryDelay;
        copy.maxRetryDelay = maxRetryDelay;
        copy.timeout = timeout;
        copy.maxInFlight = maxInFlight;
        copy.seed = seed;
        copy.keyPrefix = keyPrefix;
        return copy;
    }

    public int events() {
        return events;
    }

    public double perSecond() {
        return perSecond;
    }

    public double duplicates() {
        return duplicates;
    }

    public Duration duplicateDelay() {
        return duplicateDelay;
    }

    public double messageShare() {
        return messageShare;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialRetryDelay() {
        return initialRetryDelay;
    }

    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public long seed() {
        return seed;
    }

    /** The key prefix, or null for the default (the run id and a dash). */
    public String keyPrefix() {
        return keyPrefix;
    }

    @Override
    public String toString() {
        return "events=" + events + ", perSecond=" + (perSecond == 0 ? "max" : perSecond) + ", duplicates=" + duplicates
                + ", duplicateDelay=" + Durations.format(duplicateDelay) + ", messageShare=" + messageShare
                + ", maxAttempts=" + maxAttempts + ", initialRetryDelay=" + Durations.format(initialRetryDelay)
                + ", maxRetryDelay=" + Durations.format(maxRetryDelay) + ", timeout=" + Durations.format(timeout)
                + ", maxInFlight=" + maxInFlight + ", seed=" + seed;
    }
}
