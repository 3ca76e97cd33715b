package io.camelconnectly.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar connectly-simulator-<version>.jar [flags]}: runs the simulator until Ctrl-C.
 * Bad flags print what is wrong and what is allowed, and exit with status 2.
 */
public final class Main {

    static final int DEFAULT_PORT = 8089;

    /** A bad command line: the message names the flag, the value and what is allowed. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConnectlySimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (UsageException e) {
            System.err.println("connectly-simulator: " + e.getMessage());
            System.err.println("Run with --help to see the flags.");
            System.exit(2);
            return;
        }
        if (builder == null) {
            usage(System.out);
            return;
        }
        ConnectlySimulator simulator;
        try {
            simulator = builder.build().start();
        } catch (IllegalStateException e) {
            System.err.println("connectly-simulator: " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("in use") ? "; choose another --port (0 = any free port)" : ""));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "connectly-simulator-shutdown"));
        System.out.println(simulator.summary());
        // the runnable jar is a local tool: it shows the credentials to configure the client with
        System.out.println("  api key         " + simulator.apiKey());
        System.out.println("  webhook secret  " + simulator.webhookSecret());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** The builder for these flags, or null when --help was asked. */
    static ConnectlySimulator.Builder parse(String[] args) throws UsageException {
        ConnectlySimulator.Builder builder = ConnectlySimulator.builder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String flag = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageException(flag + " needs a value");
                }
                value = args[++i];
            } else {
                throw new UsageException("unexpected argument '" + arg + "'; flags start with --");
            }
            apply(builder, flag, value);
        }
        return builder;
    }

    private static void apply(ConnectlySimulator.Builder builder, String flag, String value) throws UsageException {
        try {
            switch (flag) {
                case "--port":
                    builder.port(integer(flag, value, 0, 65535, "a port from 0 (any free port) to 65535"));
                    break;
                case "--host":
                    builder.host(value);
                    break;
                case "--api-key":
                    builder.apiKey(value);
                    break;
                case "--business-id":
                    builder.businessId(value);
                    break;
                case "--webhook-secret":
                    builder.webhookSecret(value);
                    break;
                case "--template-approval-delay":
                    builder.templateApprovalDelay(duration(flag, value));
                    break;
                case "--status-delay":
                    builder.statusDelay(duration(flag, value));
                    break;
                case "--rate-limit":
                    builder.rateLimit(integer(flag, value, 0, Integer.MAX_VALUE, "requests per second, 0 for no limit"));
                    break;
                case "--rate-limit-retry-after":
                    builder.rateLimitRetryAfter(duration(flag, value));
                    break;
                case "--fault":
                    builder.fault(Fault.parse(faultFields(value)));
                    break;
                case "--auto-reply":
                    builder.autoReply(duration(flag, value));
                    break;
                case "--auto-reply-text":
                    builder.autoReplyText(value);
                    break;
                case "--auto-reply-limit":
                    builder.autoReplyLimit(integer(flag, value, 1, 1000, "a number of auto-replies in a row from 1 to 1000"));
                    break;
                case "--no-auto-reply":
                    builder.noAutoReply(value.isEmpty() ? new String[0] : value.split(","));
                    break;
                case "--business-numbers":
                    builder.businessNumbers(value.split(","));
                    break;
                case "--failing-numbers":
                    builder.failingNumbers(value.isEmpty() ? new String[0] : value.split(","));
                    break;
                case "--record-capacity":
                    builder.requestRecordCapacity(integer(flag, value, 1, 10_000_000, "a number of requests from 1 to 10000000"));
                    break;
                default:
                    throw new UsageException("unknown flag " + flag + "; known flags: --port, --host, --api-key, --business-id,"
                            + " --webhook-secret, --template-approval-delay, --status-delay, --rate-limit, --rate-limit-retry-after, --fault,"
                            + " --auto-reply, --auto-reply-text, --auto-reply-limit, --no-auto-reply,"
                            + " --business-numbers, --failing-numbers, --record-capacity, --help");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " " + quote(value) + " is not valid: " + e.getMessage());
        }
    }

    /** {@code kind=status,status=503,operations=sends,times=5} as fields for {@link Fault#parse}. */
    private static java.util.Map<String, String> faultFields(String spec) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("write the fault as name=value pairs separated by commas, e.g."
                        + " status=503,operations=sends,times=5 or kind=delay,delay=3s,fraction=0.5");
            }
            fields.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
        return fields;
    }

    private static int integer(String flag, String value, int min, int max, String allowed) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " " + quote(value) + " is not valid: expected " + allowed);
    }

    private static Duration duration(String flag, String value) throws UsageException {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " " + quote(value) + " is not valid: " + e.getMessage());
        }
    }

    private static String quote(String value) {
        return "'" + value + "'";
    }

    static void usage(PrintStream out) {
        out.println("Usage: java -jar connectly-simulator.jar [flags]");
        out.println();
        out.println("A local Connectly API with its rules, signed webhooks and a chat page.");
        out.println();
        out.println("  --port N                      TCP port (default " + DEFAULT_PORT + "; 0 = any free port)");
        out.println("  --host ADDRESS                address to bind (default 127.0.0.1)");
        out.println("  --api-key KEY                 the X-API-Key to accept (default " + ConnectlySimulator.DEFAULT_API_KEY + ")");
        out.println("  --business-id ID              the business id in /v1/businesses/{id} (default " + ConnectlySimulator.DEFAULT_BUSINESS_ID + ")");
        out.println("  --webhook-secret SECRET       HMAC key for x-connectly-hmac-sha256 (default " + ConnectlySimulator.DEFAULT_WEBHOOK_SECRET + ")");
        out.println("  --template-approval-delay D   how long new templates stay pending, e.g. 2s, 500ms, 1m (default "
                + Durations.format(ConnectlySimulator.DEFAULT_TEMPLATE_APPROVAL_DELAY) + ")");
        out.println("  --status-delay D              delay between sent, delivered and read statuses (default "
                + Durations.format(ConnectlySimulator.DEFAULT_STATUS_DELAY) + ")");
        out.println("  --rate-limit N                send requests per second before 429 (default 0 = off; Connectly's is 200)");
        out.println("  --rate-limit-retry-after D    Retry-After of those 429 answers, whole seconds (default 1s)");
        out.println("  --fault SPEC                  inject a fault from the start (repeatable), e.g. status=503,operations=sends,times=5");
        out.println("                                or kind=delay,delay=3s,fraction=0.5 or kind=reset,operations=send/messages");
        out.println("  --auto-reply D                customers answer by themselves D after reading a message (default off)");
        out.println("  --auto-reply-text TEXT        what they write to a text (default \"" + AutoReplier.DEFAULT_TEXT + "\")");
        out.println("  --auto-reply-limit N          auto-replies in a row per customer (default " + AutoReplier.DEFAULT_LIMIT + ")");
        out.println("  --no-auto-reply A,B           customers who never answer by themselves");
        out.println("  --business-numbers A,B        the business's WhatsApp numbers; the first is the default sender and the"
                + " number customers write to (default "
                + ConnectlySimulator.DEFAULT_BUSINESS_NUMBER + ")");
        out.println("  --failing-numbers A,B         customers whose messages end in delivery_failed (default none)");
        out.println("  --record-capacity N           API requests kept for /_sim/requests (default 10000)");
        out.println("  --help                        this text");
    }
}
