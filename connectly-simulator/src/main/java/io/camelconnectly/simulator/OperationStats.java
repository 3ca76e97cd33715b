package io.camelconnectly.simulator;

/**
 * What the simulator did with the requests to one operation since it started (or since the counts were cleared).
 *
 * @param operation  the operation
 * @param requests   authenticated requests to it
 * @param tookEffect requests whose operation ran and succeeded (a send accepted its message), whatever the client
 *                   then received: delayed, reset mid-response, or an error status injected after the effect
 * @param faulted    requests that got an injected fault (any kind)
 * @param rateLimited requests refused with 429 by the rate limit
 */
public record OperationStats(ApiOperation operation, long requests, long tookEffect, long faulted, long rateLimited) {
}
