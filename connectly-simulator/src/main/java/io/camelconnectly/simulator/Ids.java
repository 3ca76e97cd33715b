package io.camelconnectly.simulator;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifier generators shaped like Connectly's (ULID-looking message ids, numeric trace ids, UUIDs). */
final class Ids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ids() {
    }

    /** A 26-character ULID-shaped id: 48-bit millisecond time then 80 random bits, Crockford base32. */
    static String messageId(long epochMillis) {
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 10; i < 22; i++) {
            out[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 22; i < 26; i++) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    /** Connectly's cntTraceId: an unsigned 64-bit number written as a string of digits. */
    static String traceId() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
