package io.camelconnectly.simulator;

/**
 * An API failure answered with Connectly's error body (reference §1.1). Thrown inside request handling and turned
 * into one HTTP response in one place ({@link ApiHandler}).
 *
 * <p>Connectly documents only a few HTTP statuses (401, 404, 409, 429, 400 for a malformed body); for the other
 * {@code ERROR_CODE_*} values the real status is unknown and the simulator answers 400 (see each factory).
 */
final class ApiError extends RuntimeException {

    static final String TYPE_INVALID_REQUEST = "ERROR_TYPE_INVALID_REQUEST";

    final int status;
    final String type;
    final String code;
    final String userTitle;
    /** Extra header (Retry-After) or null. */
    final String retryAfterSeconds;

    ApiError(int status, String type, String code, String message) {
        this(status, type, code, message, message, null);
    }

    ApiError(int status, String type, String code, String message, String userTitle, String retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.userTitle = userTitle;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError invalid(String code, String message) {
        return new ApiError(400, TYPE_INVALID_REQUEST, code, message);
    }

    static ApiError badRequest(String message) {
        return invalid("ERROR_CODE_INVALID_REQUEST", message);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, "ERROR_TYPE_NOT_FOUND", code, message);
    }

    static ApiError conflict(String code, String message) {
        return new ApiError(409, "ERROR_TYPE_FAILED_PRECONDITION", code, message);
    }
}
