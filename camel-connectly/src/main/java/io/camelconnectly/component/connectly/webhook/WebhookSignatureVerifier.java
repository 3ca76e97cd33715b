package io.camelconnectly.component.connectly.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Connectly's {@code x-connectly-hmac-sha256} header: Base64(HMAC-SHA256(key = UTF-8 secret, raw body bytes)).
 * <p>
 * The keys are prepared once; each thread gets its own {@link Mac} instances (a Mac is not thread-safe). Several
 * secrets may be configured at once (comma-separated) so a secret can be rotated without downtime: a signature made
 * with any of them is accepted. The comparison is constant-time ({@link MessageDigest#isEqual}).
 */
public final class WebhookSignatureVerifier {

    public static final String SIGNATURE_HEADER = "x-connectly-hmac-sha256";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_LENGTH = 32;

    private final SecretKeySpec[] keys;
    private final ThreadLocal<Mac[]> macs;

    /**
     * @param  secrets                  one secret, or several separated by commas (surrounding spaces ignored)
     * @throws IllegalArgumentException when no secret is given; the message names the option, never the value
     */
    public WebhookSignatureVerifier(String secrets) {
        List<SecretKeySpec> parsed = new ArrayList<>();
        if (secrets != null) {
            for (String secret : secrets.split(",")) {
                String trimmed = secret.trim();
                if (!trimmed.isEmpty()) {
                    parsed.add(new SecretKeySpec(trimmed.getBytes(StandardCharsets.UTF_8), ALGORITHM));
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException(
                    "Option webhookSecret is required for connectly:webhook: set the secret Connectly signs webhooks with "
                                               + "(several comma-separated secrets are accepted during a rotation): the "
                                               + "environment variable CONNECTLY_WEBHOOK_SECRET (read by the component, "
                                               + "never logged), or webhookSecret=... / camel.component.connectly.webhook-secret=...");
        }
        this.keys = parsed.toArray(new SecretKeySpec[0]);
        // fail at start, not on the first request, if the JVM lacks HmacSHA256 or rejects a key
        newMacs(keys);
        this.macs = ThreadLocal.withInitial(() -> newMacs(keys));
    }

    /** How many secrets are accepted (more than one during a rotation). */
    public int secretCount() {
        return keys.length;
    }

    /**
     * @param  rawBody         the exact bytes received
     * @param  signatureHeader the value of {@code x-connectly-hmac-sha256}, may be null
     * @return                 true when the header is a valid signature of the body with one of the secrets
     */
    public boolean verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        byte[] received;
        try {
            received = Base64.getDecoder().decode(signatureHeader.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (received.length != SIGNATURE_LENGTH) {
            return false;
        }
        boolean valid = false;
        for (Mac mac : macs.get()) {
            // doFinal resets the Mac for its next use on this thread
            valid |= MessageDigest.isEqual(mac.doFinal(rawBody), received);
        }
        return valid;
    }

    /** Signs a body as Connectly does; for tests, simulators and benchmarks. */
    public static String sign(byte[] rawBody, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static Mac[] newMacs(SecretKeySpec[] keys) {
        try {
            Mac[] result = new Mac[keys.length];
            for (int i = 0; i < keys.length; i++) {
                result[i] = Mac.getInstance(ALGORITHM);
                result[i].init(keys[i]);
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot prepare HmacSHA256 for webhook verification", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignatureVerifier[" + keys.length + " secret(s)]";
    }
}
