package io.camelconnectly.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Per-operation counts for {@link OperationStats}; LongAdders because every event loop updates them. */
final class OperationCounters {

    private static final int REQUESTS = 0;
    private static final int TOOK_EFFECT = 1;
    private static final int FAULTED = 2;
    private static final int RATE_LIMITED = 3;

    private final LongAdder[][] counts = new LongAdder[ApiOperation.values().length][4];

    OperationCounters() {
        for (LongAdder[] row : counts) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new LongAdder();
            }
        }
    }

    void request(ApiOperation operation) {
        counts[operation.ordinal()][REQUESTS].increment();
    }

    void tookEffect(ApiOperation operation) {
        counts[operation.ordinal()][TOOK_EFFECT].increment();
    }

    void faulted(ApiOperation operation) {
        counts[operation.ordinal()][FAULTED].increment();
    }

    void rateLimited(ApiOperation operation) {
        counts[operation.ordinal()][RATE_LIMITED].increment();
    }

    List<OperationStats> snapshot() {
        List<OperationStats> list = new ArrayList<>();
        for (ApiOperation operation : ApiOperation.values()) {
            LongAdder[] row = counts[operation.ordinal()];
            list.add(new OperationStats(operation, row[REQUESTS].sum(), row[TOOK_EFFECT].sum(), row[FAULTED].sum(),
                    row[RATE_LIMITED].sum()));
        }
        return list;
    }

    void clear() {
        for (LongAdder[] row : counts) {
            for (LongAdder adder : row) {
                adder.reset();
            }
        }
    }
}
