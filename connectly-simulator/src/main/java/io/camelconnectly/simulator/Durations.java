package io.camelconnectly.simulator;

import java.time.Duration;

/** Parses the short durations used by the command line and the inspection API: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 25h}, {@code 1d}. */
public final class Durations {

    private Durations() {
    }

    /** {@link #parse(String)} of a named setting: a refusal names the setting first. */
    static Duration parse(String name, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; use a number with a unit: ms, s, m, h or d (e.g. 2s, 500ms)");
        }
        String value = text.trim();
        int unitStart = 0;
        while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use a number with a unit: ms, s, m, h or d (e.g. 2s, 500ms)");
        }
        long amount;
        try {
            amount = Long.parseLong(value.substring(0, unitStart));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a duration");
        }
        switch (value.substring(unitStart)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                throw new IllegalArgumentException("'" + text + "' has no valid unit; use ms, s, m, h or d (e.g. 2s, 500ms)");
        }
    }

    /**
     * Checks a duration setting: positive (or zero when {@code zeroAllowed}) and at most {@code max}; the message
     * names the setting, the range and the value.
     */
    static Duration require(Duration value, String name, boolean zeroAllowed, Duration max) {
        if (value == null || value.isNegative() || (!zeroAllowed && value.isZero()) || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "from 0s to " : "positive and at most ")
                    + format(max) + ", got " + (value == null ? null : format(value)));
        }
        return value;
    }

    /** The whole seconds of a duration meant for a {@code Retry-After} header (which has no smaller unit). */
    static long wholeSeconds(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.toMillis() % 1000 != 0 || duration.toSeconds() > 86_400) {
            throw new IllegalArgumentException(name + " must be whole seconds from 0s to 1d (Retry-After has no smaller unit), got "
                    + (duration == null ? null : format(duration)));
        }
        return duration.toSeconds();
    }

    /** The inverse of {@link #parse}, for printing defaults. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 86_400_000 == 0 && ms != 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
