package io.camelconnectly.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One API request as the simulator received it, with the status it answered.
 *
 * @param sequence   1-based order of arrival
 * @param receivedAt simulated time of arrival
 * @param method     HTTP method
 * @param path       request path without the query
 * @param query      the raw query string or null
 * @param headers    request headers, names in lower case (several values joined with ", ")
 * @param body       the body as UTF-8 text ("" when empty)
 * @param status     the HTTP status the simulator answered (for a reset fault: the status of the answer it cut)
 * @param fault      the injected fault this request got ({@code status 503}, {@code delay 3s}, {@code reset}, ...),
 *                   or null
 */
public record RecordedRequest(long sequence, Instant receivedAt, String method, String path, String query,
                              Map<String, String> headers, String body, int status, String fault) {

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
