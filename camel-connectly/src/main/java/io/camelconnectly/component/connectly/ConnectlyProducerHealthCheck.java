package io.camelconnectly.component.connectly;

import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyClientMetrics;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a connectly producer, from the outcome of its real calls (no probing call, so no extra traffic and no
 * rate-limit cost): DOWN while Connectly rejects the API key (401/403) or after {@value #UNREACHABLE_THRESHOLD} calls
 * in a row got no answer, a 5xx or a 429 after retries; UP again after a successful call. Details give the last error's
 * HTTP status, Connectly error code and cntTraceId, and the call counters; never the API key.
 */
public class ConnectlyProducerHealthCheck extends AbstractHealthCheck {

    /** Consecutive calls that could not reach Connectly before the producer is reported DOWN. */
    public static final int UNREACHABLE_THRESHOLD = 3;

    private final ConnectlyEndpoint endpoint;

    public ConnectlyProducerHealthCheck(ConnectlyEndpoint endpoint, String id) {
        super("camel", "producer:connectly-" + id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // Connectly being unreachable is no reason to restart this application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectlyClientMetrics metrics = endpoint.getProducerMetrics();
        builder.detail("succeeded", metrics.getSucceeded());
        builder.detail("failed", metrics.getFailed());
        builder.detail("consecutiveUnreachable", metrics.getConsecutiveUnreachable());
        if (metrics.getLastErrorStatus() > 0) {
            builder.detail(SERVICE_STATUS_CODE, metrics.getLastErrorStatus());
        }
        if (metrics.getLastErrorCode() != null) {
            builder.detail(SERVICE_ERROR_CODE, metrics.getLastErrorCode());
        }
        if (metrics.getLastCntTraceId() != null) {
            builder.detail("cntTraceId", metrics.getLastCntTraceId());
        }
        if (metrics.isAuthenticationRejected()) {
            builder.message("Connectly rejected the API key (HTTP " + metrics.getLastErrorStatus()
                            + "): check apiKey and businessId " + endpoint.getConfiguration().getBusinessId());
            builder.down();
        } else if (metrics.getConsecutiveUnreachable() >= UNREACHABLE_THRESHOLD) {
            builder.message(metrics.getConsecutiveUnreachable() + " calls in a row could not reach Connectly at "
                            + endpoint.getConfiguration().getBaseUrl() + " (last: " + metrics.getLastErrorCode() + ")");
            builder.down();
        } else {
            builder.up();
        }
    }
}
