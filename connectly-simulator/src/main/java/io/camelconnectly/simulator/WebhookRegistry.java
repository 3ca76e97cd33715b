package io.camelconnectly.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Webhook registrations: at most one address per topic, like Connectly's create-webhook (409 on a second one). */
final class WebhookRegistry {

    static final String TOPIC_MESSAGES = "messages";
    static final String TOPIC_DELIVERY_STATUS = "delivery_status";
    static final Set<String> TOPICS = Set.of(TOPIC_MESSAGES, TOPIC_DELIVERY_STATUS);
    static final Set<String> TYPES = Set.of("custom", "zapier", "webengage", "integromat_make");

    static final class Registration {
        final String id;
        final String topic;
        final String type;
        volatile String address;
        /** Replaced as a whole on update, so an event sees one consistent configuration. */
        volatile WebhookConfiguration configuration;

        Registration(String id, String topic, String type, String address, WebhookConfiguration configuration) {
            this.id = id;
            this.topic = topic;
            this.type = type;
            this.address = address;
            this.configuration = configuration;
        }
    }

    private final ConcurrentHashMap<String, Registration> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Registration> byTopic = new ConcurrentHashMap<>();

    /** The registration for a topic, or null (then nothing is posted for that topic). */
    Registration forTopic(String topic) {
        return byTopic.get(topic);
    }

    Registration byId(String id) {
        return byId.get(id);
    }

    /** Registers; null when the topic already has an address. */
    Registration register(String topic, String type, String address, WebhookConfiguration configuration) {
        Registration registration = new Registration("wh_" + Ids.messageId(System.currentTimeMillis()).toLowerCase(Locale.ROOT),
                topic, type, address, configuration);
        if (byTopic.putIfAbsent(topic, registration) != null) {
            return null;
        }
        byId.put(registration.id, registration);
        return registration;
    }

    Registration remove(String id) {
        Registration registration = byId.remove(id);
        if (registration != null) {
            byTopic.remove(registration.topic, registration);
        }
        return registration;
    }

    List<Registration> all() {
        List<Registration> list = new ArrayList<>(byId.values());
        list.sort((a, b) -> a.topic.compareTo(b.topic));
        return list;
    }

    /**
     * Why an address is refused, or null when it is accepted: Connectly requires https; the simulator also accepts
     * http on loopback (127.0.0.0/8, localhost, [::1]) so tests and examples need no certificate.
     */
    static String addressProblem(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (Exception e) {
            return "address '" + address + "' is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !uri.isAbsolute()) {
            return "address '" + address + "' must be an absolute URL such as https://example.com/webhook";
        }
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http")) {
            return isLoopback(host) ? null
                    : "address '" + address + "' must use https:// (http:// is accepted only on loopback: 127.0.0.1, localhost, [::1])";
        }
        return "address '" + address + "' must use https://";
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) {
            return true;
        }
        String[] parts = h.split("\\.");
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
