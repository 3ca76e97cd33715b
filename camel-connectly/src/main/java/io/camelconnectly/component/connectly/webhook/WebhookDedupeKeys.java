package io.camelconnectly.component.connectly.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key under which an event is remembered in the IdempotentRepository. A delivery status is identified by
 * {@code statusUpdate.id + ":" + status} (one message goes through sent, delivered, read). An inbound message is
 * identified by its id when it carries one ({@code "inbound:" + id}; an inferred shape, see InferredPayloadShapes), else
 * by the SHA-256 of its raw body (hex): a redelivery has the same bytes and signature. The limit of the hash: two
 * inbound messages with identical bodies (a double tap on a button within the second of Connectly's timestamp) are one
 * event.
 */
public final class WebhookDedupeKeys {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    });

    private WebhookDedupeKeys() {
    }

    public static String keyOf(ConnectlyWebhookEvent event, byte[] rawBody) {
        if (event instanceof DeliveryStatusEvent status && status.getStatusUpdateId() != null) {
            String state = status.getRawStatus() != null ? status.getRawStatus() : status.getEventType();
            return status.getStatusUpdateId() + ":" + state;
        }
        if (event instanceof InboundMessageEvent inbound && inbound.getId() != null) {
            return "inbound:" + inbound.getId();
        }
        return sha256Hex(rawBody);
    }

    static String sha256Hex(byte[] bytes) {
        // digest() resets the MessageDigest for its next use on this thread
        return HEX.formatHex(SHA256.get().digest(bytes));
    }
}
