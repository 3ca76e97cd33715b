package io.camelconnectly.component.connectly.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.model.ErrorBody;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * Turns a non-2xx answer or a connection failure into the exception users match, with a message that says what to do.
 * Never includes the API key, nor the request body (it holds phone numbers and message text).
 */
public final class ConnectlyErrors {

    public static final String CODE_OUTSIDE_WINDOW = "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW";

    private ConnectlyErrors() {
    }

    /** Parses Connectly's error object; a non-JSON answer (e.g. from a proxy) gives an ErrorBody with a short excerpt. */
    /** The failure inside the CompletionExceptions a future chain wraps it in. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static ErrorBody parseErrorBody(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '{') {
            try {
                return ConnectlyJson.mapper().readValue(body, ErrorBody.class);
            } catch (Exception notJson) {
                // fall through to the excerpt
            }
        }
        ErrorBody excerpt = new ErrorBody();
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        excerpt.setMessage("non-JSON answer: " + text);
        return excerpt;
    }

    /** Whether the answer is Connectly's own error object rather than a proxy's or gateway's page. */
    static boolean isConnectlyError(ErrorBody error) {
        return error != null && (error.getCode() != null || error.getType() != null || error.getCntTraceId() != null);
    }

    static ConnectlyApiException apiException(ConnectlyApi api, String businessId, int status, ErrorBody error,
                                              Duration retryAfter, RetryPolicy.Failure failure, boolean retryable,
                                              int attempts, String notRetried) {
        String operation = api.operation().name();
        String code = error == null ? null : error.getCode();
        StringBuilder message = new StringBuilder(256);
        message.append("Connectly ").append(operation).append(" failed with HTTP ").append(status);
        if (code != null) {
            message.append(' ').append(code);
        }
        if (error != null && error.getType() != null) {
            message.append(" (").append(error.getType()).append(')');
        }
        if (error != null && error.getMessage() != null) {
            message.append(": ").append(error.getMessage());
        }
        if (error != null && error.getUserMessage() != null) {
            message.append(" [").append(error.getUserMessage()).append(']');
        }
        if (attempts > 1) {
            message.append(" after ").append(attempts).append(" attempts");
        }
        message.append(". ");
        if (notRetried != null) {
            message.append(notRetried).append(' ');
        }

        if (CODE_OUTSIDE_WINDOW.equals(code)) {
            message.append("The customer's 24-hour window is closed: send a template message instead (connectly:sendTemplatedMessage). "
                           + "If the customer did write within 24 hours and the business has several WhatsApp numbers, set sender "
                           + "(option sender or header CamelConnectlySender) to the number the customer wrote to.");
            return new ConnectlyOutsideWindowException(operation, withTrace(message, error), status, error, retryAfter, false, attempts);
        }
        if (status == 401 || status == 403) {
            message.append("Connectly rejected the API key: check that apiKey (endpoint option or camel.component.connectly.api-key) "
                           + "is a valid key of businessId ").append(businessId).append('.');
            return new ConnectlyAuthenticationException(operation, withTrace(message, error), status, error, retryAfter, false,
                                                        attempts);
        }
        if (status == 409 && api == ConnectlyApi.SEND_CAMPAIGN) {
            message.append("The campaign does not accept sendouts: publish the campaign in Flow Builder, then retry "
                           + "(check campaignName matches the name in Flow Builder).");
            return new ConnectlyCampaignNotPublishedException(operation, withTrace(message, error), status, error, retryAfter,
                                                              false, attempts);
        }
        if (status == 429) {
            message.append("Rate limited: lower the send rate (Connectly allows 200 requests/second on send endpoints) or allow "
                           + "longer retries (retryMaxAttempts, retryMaxElapsed)");
            if (retryAfter != null) {
                message.append("; Connectly asked to retry after ").append(retryAfter.toSeconds()).append(" s");
            }
            message.append('.');
            return new ConnectlyRateLimitedException(operation, withTrace(message, error), status, error, retryAfter, retryable,
                                                     attempts);
        }
        if (failure == RetryPolicy.Failure.AMBIGUOUS && !api.isRead() && !retryable) {
            message.append("A ").append(status).append(" without Retry-After or Connectly's error body may come from a gateway after "
                           + "Connectly received the request, so Connectly may have processed it: check before sending it again "
                           + "(a resend can deliver twice), or set retryAmbiguousFailures=true to retry such failures. ");
        }
        message.append(hint(api, status, code));
        return new ConnectlyApiException(operation, withTrace(message, error), status, error, retryAfter, retryable, attempts);
    }

    private static String hint(ConnectlyApi api, int status, String code) {
        if (code != null) {
            switch (code) {
                case "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND":
                    return "Check templateName and language against getTemplates.";
                case "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID":
                    return "Check templateParameters against the template's variables (body_1..., header_..., button_N_url).";
                case "ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION":
                    return "The customer never wrote to the business: start with a template message (connectly:sendTemplatedMessage).";
                case "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT":
                    return "The customer opted out of template messages: do not retry.";
                case "ERROR_CODE_INVALID_SENDER_ID":
                case "ERROR_CODE_BUSINESS_MISSES_MATCHING_CHANNEL":
                    return "Check sender is a WhatsApp number of this business, in E.164.";
                default:
                    break;
            }
        }
        if (status == 404 && (api == ConnectlyApi.UPDATE_WEBHOOK || api == ConnectlyApi.DELETE_WEBHOOK)) {
            return "No webhook registration has that id: list them with connectly:getWebhooks.";
        }
        if (status == 409 && api == ConnectlyApi.CREATE_WEBHOOK) {
            return "The topic has a webhook already: use connectly:updateWebhook with its id (connectly:getWebhooks lists them).";
        }
        if (status >= 500) {
            return "Connectly failed on its side; if it persists, contact Connectly support.";
        }
        if (status == 400) {
            return "Connectly rejected the request as malformed: check the fields named in the error.";
        }
        return "";
    }

    private static String withTrace(StringBuilder message, ErrorBody error) {
        if (error != null && error.getCntTraceId() != null) {
            if (message.charAt(message.length() - 1) != ' ') {
                message.append(' ');
            }
            message.append("cntTraceId=").append(error.getCntTraceId()).append(" (quote it to Connectly support).");
        }
        return message.toString().trim();
    }

    static ConnectlyConnectionException connectionException(ConnectlyApi api, Throwable cause, RetryPolicy.Failure failure,
                                                            boolean retryable, int attempts, String target, String notRetried) {
        boolean maybeProcessed = failure == RetryPolicy.Failure.AMBIGUOUS;
        StringBuilder message = new StringBuilder(200);
        message.append("Connectly ").append(api.operation()).append(" got no answer from ").append(target).append(": ")
                .append(cause.getClass().getSimpleName());
        if (cause.getMessage() != null) {
            message.append(' ').append(cause.getMessage());
        }
        if (attempts > 1) {
            message.append(" (after ").append(attempts).append(" attempts)");
        }
        message.append(". ");
        if (notRetried != null) {
            message.append(notRetried).append(' ');
        }
        if (cause instanceof DeadlineTimeoutException) {
            message.append("No pooled connection became free in time: nothing was sent. Raise maxConnections, or lower the "
                           + "number of calls in flight. ");
        }
        if (maybeProcessed && !api.isRead()) {
            message.append("Connectly may have processed the request: check before sending it again (a resend can deliver twice). ");
        }
        if (failure == RetryPolicy.Failure.PERMANENT) {
            message.append("Check baseUrl, proxy and TLS settings (sslContextParameters).");
        } else {
            message.append("Check connectivity to baseUrl, or raise connectTimeout/responseTimeout and the retry bounds.");
        }
        return new ConnectlyConnectionException(api.operation().name(), message.toString(), retryable, maybeProcessed, attempts,
                                                cause);
    }

    /** Said in the error of a call that was not retried because the account's waiting calls were at retryMaxWaiting. */
    static String waitingFull(int maxWaiting) {
        return "Not retried: " + maxWaiting + " calls of this Connectly account were waiting already (retryMaxWaiting); lower "
               + "the send rate (e.g. Camel's throttle EIP) or raise retryMaxWaiting.";
    }

    /**
     * A call that was never sent: Connectly had answered the operation's calls with 429 and a Retry-After that had not
     * passed, and this call could not wait for it.
     *
     * @param holdOffMillis   what is left of the Retry-After
     * @param fitsRetryBudget whether the wait would have fitted in retryMaxElapsed (then the waiting calls were full)
     */
    static ConnectlyRateLimitedException heldOffException(ConnectlyApi api, long holdOffMillis, boolean fitsRetryBudget,
                                                          int maxWaiting) {
        String operation = api.operation().name();
        StringBuilder message = new StringBuilder(300).append("Connectly ").append(operation)
                .append(" was not sent: Connectly answered this account's ").append(operation)
                .append(" calls with 429 and asked to wait another ").append(holdOffMillis).append(" ms (Retry-After), ");
        if (fitsRetryBudget) {
            message.append("and ").append(maxWaiting).append(" calls of the account were waiting already (retryMaxWaiting). ");
        } else {
            message.append("longer than this call may wait (retryMaxElapsed). ");
        }
        message.append("Nothing was sent, so it is safe to send again later. Lower the send rate (Connectly allows 200 "
                       + "requests/second on send endpoints; e.g. Camel's throttle EIP) or allow longer waits (retryMaxElapsed, "
                       + "retryMaxWaiting).");
        return new ConnectlyRateLimitedException(operation, message.toString(), 429, null, Duration.ofMillis(holdOffMillis), true,
                                                 0);
    }
}
