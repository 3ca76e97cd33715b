package io.camelconnectly.example;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A bearer token kept out of route definitions (which Hawtio and JMX show): it checks an {@code Authorization}
 * header in constant time, or makes one.
 */
public final class BearerToken {

    private final byte[] token;

    public BearerToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
    }

    /** The {@code Authorization} header value to send. */
    public String authorization() {
        return "Bearer " + new String(token, StandardCharsets.UTF_8);
    }

    /** For a filter in a route: true when the request must be refused. */
    public boolean rejects(@org.apache.camel.Header("Authorization") String authorization) {
        return !matches(authorization);
    }

    @Override
    public String toString() {
        return "BearerToken[******]";
    }
}
