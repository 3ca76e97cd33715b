package io.camelconnectly.component.connectly.webhook;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.slf4j.Logger;

/**
 * Logs each refused webhook once, without flooding: the first refusal of a kind in a window is a WARN (with how many
 * were only DEBUG-logged since), the rest of the window DEBUG. A flood of forged posts thus costs one WARN a minute.
 * Messages carry the reason and sizes only, never a secret, a signature or the body.
 */
public final class RejectionLog {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final Logger log;
    private final AtomicLongArray lastWarn;
    private final AtomicLong[] suppressed;

    public RejectionLog(Logger log, int kinds) {
        this.log = log;
        this.lastWarn = new AtomicLongArray(kinds);
        this.suppressed = new AtomicLong[kinds];
        for (int i = 0; i < kinds; i++) {
            suppressed[i] = new AtomicLong();
            lastWarn.set(i, System.nanoTime() - WINDOW_NANOS - 1);
        }
    }

    /**
     * @param kind    which counter of rate limiting (e.g. an enum ordinal)
     * @param message an SLF4J pattern
     * @param args    its arguments
     */
    public void log(int kind, String message, Object... args) {
        long now = System.nanoTime();
        long last = lastWarn.get(kind);
        if (now - last > WINDOW_NANOS && lastWarn.compareAndSet(kind, last, now)) {
            long since = suppressed[kind].getAndSet(0);
            if (log.isWarnEnabled()) {
                log.warn(since > 0 ? message + " (" + since + " more like it in the last minute, logged at DEBUG)" : message,
                        args);
            }
        } else {
            suppressed[kind].incrementAndGet();
            log.debug(message, args);
        }
    }
}
