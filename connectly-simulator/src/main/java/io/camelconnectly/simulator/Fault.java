package io.camelconnectly.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fault the simulator injects into API requests, to test a client's retries and timeouts. Immutable: each method
 * returns a changed copy. Inject it with {@link ConnectlySimulator#inject(Fault)} or {@code POST /_sim/faults}.
 *
 * <pre>{@code
 * sim.inject(Fault.status(503).times(5).onSends());                       // a burst: the next 5 sends get 503
 * sim.inject(Fault.status(503).withoutErrorBody());                       // a bare 503, as a proxy answers it
 * sim.inject(Fault.status(504).afterEffect().on(ApiOperation.SEND_MESSAGE)); // sent, then 504: ambiguous
 * sim.inject(Fault.delay(Duration.ofSeconds(3)).fraction(0.5));           // half the requests answer 3 s late
 * sim.inject(Fault.reset().times(1).on(ApiOperation.SEND_TEMPLATE));      // sent, then the connection is reset
 * }</pre>
 *
 * Kinds:
 * <ul>
 *   <li>{@link #status(int)}: answered with that status and Connectly's error body, without running the operation
 *       (Connectly did not act), unless {@link #afterEffect()}; {@link #retryAfter(Duration)} adds
 *       {@code Retry-After}; {@link #withoutErrorBody()} answers a plain-text body instead;</li>
 *   <li>{@link #delay(Duration)}: the operation runs at once (it takes effect, as on a slow server) and its answer is
 *       written after the delay, on a timer: no event loop waits;</li>
 *   <li>{@link #reset()}: the operation runs, then the status line, the headers and half of the body are written and
 *       the TCP connection is reset (SO_LINGER 0), so the client sees the connection die mid-response.</li>
 * </ul>
 * Selection: {@link #on(ApiOperation...)} or {@link #onSends()} (default: every operation), {@link #times(long)}
 * (how many requests get the fault at most; default: no limit, until the fault is cancelled) and
 * {@link #fraction(double)} (which share of the matching requests get it; default 1: all of them). A fraction is
 * applied deterministically: with 0.25, exactly every fourth matching request.
 */
public final class Fault {

    /** What the fault does to a request. */
    public enum Kind { STATUS, DELAY, RESET }

    static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final Kind kind;
    private final int status;
    private final long retryAfterSeconds;
    private final boolean errorBody;
    private final boolean afterEffect;
    private final Duration delay;
    private final Set<ApiOperation> operations;
    private final long times;
    private final double fraction;

    private Fault(Kind kind, int status, long retryAfterSeconds, boolean errorBody, boolean afterEffect, Duration delay,
                  Set<ApiOperation> operations, long times, double fraction) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errorBody = errorBody;
        this.afterEffect = afterEffect;
        this.delay = delay;
        this.operations = operations;
        this.times = times;
        this.fraction = fraction;
    }

    /**
     * Answer with this HTTP error status (400 to 599) and Connectly's error body; the operation does not run. A 429
     * carries {@code Retry-After: 1} like the simulator's rate limit (change it with {@link #retryAfter(Duration)},
     * drop it with {@link #withoutRetryAfter()}); other statuses carry none unless asked.
     */
    public static Fault status(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status from 400 to 599, got " + httpStatus);
        }
        return new Fault(Kind.STATUS, httpStatus, httpStatus == 429 ? 1 : -1, true, false, null, Set.of(), Long.MAX_VALUE, 1.0);
    }

    /** Run the operation at once and write its answer after {@code delay} (at most 10 minutes). */
    public static Fault delay(Duration delay) {
        Durations.require(delay, "delay", false, MAX_DELAY);
        return new Fault(Kind.DELAY, 0, -1, true, true, delay, Set.of(), Long.MAX_VALUE, 1.0);
    }

    /** Run the operation, write part of its answer, then reset the TCP connection. */
    public static Fault reset() {
        return new Fault(Kind.RESET, 0, -1, true, true, null, Set.of(), Long.MAX_VALUE, 1.0);
    }

    /** A status fault also sends {@code Retry-After} with these whole seconds. */
    public Fault retryAfter(Duration retryAfter) {
        requireKind(Kind.STATUS, "retryAfter");
        return new Fault(kind, status, Durations.wholeSeconds(retryAfter, "retryAfter"), errorBody, afterEffect, delay,
                operations, times, fraction);
    }

    /** A status fault sends no {@code Retry-After} (a 429 sends one by default). */
    public Fault withoutRetryAfter() {
        requireKind(Kind.STATUS, "withoutRetryAfter");
        return new Fault(kind, status, -1, errorBody, afterEffect, delay, operations, times, fraction);
    }

    /**
     * A status fault answers {@code text/plain} with the reason phrase instead of Connectly's JSON error body, as a
     * proxy or load balancer in front of Connectly would.
     */
    public Fault withoutErrorBody() {
        requireKind(Kind.STATUS, "withoutErrorBody");
        return new Fault(kind, status, retryAfterSeconds, false, afterEffect, delay, operations, times, fraction);
    }

    /** A status fault runs the operation first (a message is sent) and then answers the error status instead. */
    public Fault afterEffect() {
        requireKind(Kind.STATUS, "afterEffect");
        return new Fault(kind, status, retryAfterSeconds, errorBody, true, delay, operations, times, fraction);
    }

    /** Only requests to these operations get the fault (default: every operation). */
    public Fault on(ApiOperation... selected) {
        if (selected == null || selected.length == 0) {
            throw new IllegalArgumentException("on(...) needs at least one operation; leave it out to select every operation");
        }
        return new Fault(kind, status, retryAfterSeconds, errorBody, afterEffect, delay,
                Set.copyOf(EnumSet.copyOf(Arrays.asList(selected))), times, fraction);
    }

    Fault on(Set<ApiOperation> selected) {
        return selected.isEmpty() ? this : on(selected.toArray(new ApiOperation[0]));
    }

    /** Only the send operations (send/messages, send/whatsapp_templated_messages, send/campaigns). */
    public Fault onSends() {
        return on(ApiOperation.SENDS.toArray(new ApiOperation[0]));
    }

    /** At most this many requests get the fault (default: no limit). */
    public Fault times(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + count);
        }
        return new Fault(kind, status, retryAfterSeconds, errorBody, afterEffect, delay, operations, count, fraction);
    }

    /** This share of the matching requests get the fault, from above 0 to 1 (default 1: all). */
    public Fault fraction(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("fraction must be above 0 and at most 1, got " + share);
        }
        return new Fault(kind, status, retryAfterSeconds, errorBody, afterEffect, delay, operations, times, share);
    }

    /** The fields {@link #parse(Map)} reads. */
    static final List<String> FIELDS = List.of("kind", "status", "retryAfter", "errorBody", "afterEffect", "delay",
            "operations", "times", "count", "fraction");

    /**
     * Reads a fault from named text fields: the {@code /_sim/faults} JSON and the {@code --fault} flag share it.
     * {@code kind} is status (the default when {@code status} is given), delay or reset; {@code retryAfter} a
     * duration in whole seconds or {@code none}; {@code operations} names joined with '+'; {@code count} is an alias of
     * {@code times}. Every mistake names the field, the value and what is allowed.
     */
    static Fault parse(Map<String, String> fields) {
        for (String field : fields.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown fault field '" + field + "'; known fields: " + FIELDS);
            }
        }
        String kind = fields.getOrDefault("kind", fields.containsKey("status") ? "status" : null);
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs kind (status, delay or reset) or a status");
        }
        Fault fault;
        switch (kind) {
            case "status":
                fault = status(integer(fields, "status", 400, 599));
                if (fields.containsKey("retryAfter")) {
                    String retryAfter = fields.get("retryAfter");
                    fault = retryAfter.equals("none") ? fault.withoutRetryAfter() : fault.retryAfter(Durations.parse("retryAfter", retryAfter));
                }
                if (!bool(fields, "errorBody", true)) {
                    fault = fault.withoutErrorBody();
                }
                if (bool(fields, "afterEffect", false)) {
                    fault = fault.afterEffect();
                }
                break;
            case "delay":
                if (!fields.containsKey("delay")) {
                    throw new IllegalArgumentException("a delay fault needs delay, e.g. 3s");
                }
                fault = delay(Durations.parse("delay", fields.get("delay")));
                break;
            case "reset":
                fault = reset();
                break;
            default:
                throw new IllegalArgumentException("fault kind '" + kind + "' is not one of status, delay, reset");
        }
        for (String option : List.of("retryAfter", "errorBody", "afterEffect", "delay")) {
            boolean applies = option.equals("delay") ? kind.equals("delay") : kind.equals("status");
            if (fields.containsKey(option) && !applies) {
                throw new IllegalArgumentException(option + " does not apply to a " + kind + " fault");
            }
        }
        if (fields.containsKey("operations")) {
            fault = fault.on(ApiOperation.parse(Arrays.asList(fields.get("operations").split("\\+"))));
        }
        String times = fields.containsKey("times") ? "times" : fields.containsKey("count") ? "count" : null;
        if (times != null) {
            fault = fault.times(integer(fields, times, 1, Integer.MAX_VALUE));
        }
        if (fields.containsKey("fraction")) {
            try {
                fault = fault.fraction(Double.parseDouble(fields.get("fraction")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fraction '" + fields.get("fraction") + "' is not a number above 0 and at most 1");
            }
        }
        return fault;
    }

    private static int integer(Map<String, String> fields, String name, int min, int max) {
        String value = fields.get(name);
        try {
            int n = Integer.parseInt(String.valueOf(value).trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + value + "' is not a whole number from " + min + " to " + max);
    }

    private static boolean bool(Map<String, String> fields, String name, boolean absent) {
        String value = fields.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " '" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private void requireKind(Kind required, String option) {
        if (kind != required) {
            throw new IllegalArgumentException(option + " applies to a status fault only, not to a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " fault");
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The status of a status fault, 0 for the other kinds. */
    public int httpStatus() {
        return status;
    }

    /** The Retry-After seconds of a status fault, or -1 when none is sent. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean errorBody() {
        return errorBody;
    }

    /** Whether the operation runs (takes effect) before the fault: always for delay and reset. */
    public boolean takesEffect() {
        return afterEffect;
    }

    /** The delay of a delay fault, or null. */
    public Duration delayDuration() {
        return delay;
    }

    /** The operations selected; empty means every operation. */
    public Set<ApiOperation> operations() {
        return operations;
    }

    /** The most requests that get the fault; {@link Long#MAX_VALUE} means no limit. */
    public long times() {
        return times;
    }

    public double fraction() {
        return fraction;
    }

    boolean selects(ApiOperation operation) {
        return operations.isEmpty() || operations.contains(operation);
    }

    /** For recorded requests and the /_sim/faults listing: {@code status 503 retry-after 2s}, {@code delay 3s}, {@code reset}. */
    String describe() {
        switch (kind) {
            case STATUS:
                return "status " + status + (retryAfterSeconds >= 0 ? " retry-after " + retryAfterSeconds + "s" : "")
                        + (errorBody ? "" : " without error body") + (afterEffect ? " after effect" : "");
            case DELAY:
                return "delay " + Durations.format(delay);
            default:
                return "reset";
        }
    }

    @Override
    public String toString() {
        return "Fault[" + describe() + ", operations=" + (operations.isEmpty() ? "all" : operations) + ", times="
                + (times == Long.MAX_VALUE ? "unlimited" : times) + ", fraction=" + fraction + "]";
    }
}
