package io.camelconnectly.component.connectly.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key under which an event is remembered in the IdempotentRepository. A delivery status is identified by
 * {@code statusUpdate.id + ":" + status} (one message goes through sent, delivered, read). An inbound message carries
 * no event id, so it is identified by the SHA-256 of its raw body (hex): a redelivery has the same bytes and signature.
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
        return sha256Hex(rawBody);
    }

    static String sha256Hex(byte[] bytes) {
        // digest() resets the MessageDigest for its next use on this thread
        return HEX.formatHex(SHA256.get().digest(bytes));
    }
}
