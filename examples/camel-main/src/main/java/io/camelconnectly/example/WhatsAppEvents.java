package io.camelconnectly.example;

import java.util.Map;

import io.camelconnectly.component.connectly.model.ErrorBody;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;

/** Helpers the YAML routes call on Connectly's webhook events. */
public final class WhatsAppEvents {

    private static final Map<String, Integer> DELIVERY_RANKS = Map.of("sent", 1, "delivered", 2, "read", 3, "delivery_failed", 4);

    private WhatsAppEvents() {
    }

    /** What a customer's reply says, as one line of text for a database row, a mail or a CRM activity. */
    public static String replyText(InboundMessageEvent reply) {
        return switch (reply.getType()) {
            case TEXT -> reply.getText();
            case BUTTON_REPLY -> reply.getButtonResponse().text();
            case LIST_REPLY -> reply.getListResponse().title();
            case REACTION -> "reacted " + reply.getReaction().emoji();
            case LOCATION -> "shared a location: " + reply.getLocation().latitude() + "," + reply.getLocation().longitude();
            case MEDIA -> reply.getAttachments().stream()
                    .map(a -> "[" + a.type() + "] " + (a.caption() == null ? "" : a.caption() + " ") + a.url())
                    .reduce((a, b) -> a + " " + b).orElse("[media]");
            default -> reply.getText() != null ? reply.getText() : "(a message of a kind this example does not read)";
        };
    }

    /**
     * Statuses can arrive out of order (read before delivered): a row keeps the furthest one, and a failure wins.
     * Unknown statuses rank 0 and change nothing.
     */
    public static int deliveryRank(String status) {
        return DELIVERY_RANKS.getOrDefault(status, 0);
    }

    /** The Connectly error code of a {@code delivery_failed} status; null for other statuses. */
    public static String errorCode(DeliveryStatusEvent status) {
        ErrorBody error = status.getError();
        return error == null ? null : error.getCode();
    }

    /** Why a message was not delivered, for a person: Connectly's message and error code. */
    public static String failureText(DeliveryStatusEvent status) {
        ErrorBody error = status.getError();
        return error == null ? "no reason given" : error.getMessage() + " (" + error.getCode() + ")";
    }

    /** An exception's message, cut to fit a VARCHAR(1000) column. */
    public static String errorText(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    /** The flow ({@code orders}, {@code email}, {@code crm}) named by our callbackData, or null for any other. */
    public static String flowOf(Object callbackData) {
        return callbackData instanceof Map<?, ?> map && map.get("flow") instanceof String flow ? flow : null;
    }
}
