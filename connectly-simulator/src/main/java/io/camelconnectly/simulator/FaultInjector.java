package io.camelconnectly.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/** Makes the next N authenticated API requests fail with a chosen HTTP status, to test a client's retry handling. */
final class FaultInjector {

    private final AtomicInteger remaining = new AtomicInteger();
    private volatile int status;

    void failNext(int count, int httpStatus) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or positive, got " + count);
        }
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status from 400 to 599, got " + httpStatus);
        }
        this.status = httpStatus;
        remaining.set(count);
    }

    /** Throws the injected failure if one is pending. */
    void check() {
        if (remaining.get() > 0 && remaining.getAndDecrement() > 0) {
            int httpStatus = status;
            String message = "Simulated failure injected by the test (HTTP " + httpStatus + ")";
            if (httpStatus == 429) {
                throw new ApiError(429, "ERROR_TYPE_RESOURCE_EXHAUSTED", "ERROR_CODE_RATE_LIMIT_EXCEEDED", message, message, "1");
            }
            throw new ApiError(httpStatus, httpStatus >= 500 ? "ERROR_TYPE_UNAVAILABLE" : ApiError.TYPE_INVALID_REQUEST,
                    "ERROR_CODE_SIMULATED_FAILURE", message);
        }
    }
}
