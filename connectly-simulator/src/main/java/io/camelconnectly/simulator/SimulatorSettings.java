package io.camelconnectly.simulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The fixed settings of one running simulator, made from the builder. Holds secrets: no toString on purpose. */
final class SimulatorSettings {

    final String businessId;
    final String apiKey;
    final String webhookSecret;
    /** The business's WhatsApp numbers; the first is the default sender. Templates to these numbers fail. */
    final Set<String> businessNumbers;
    final String businessName;
    /** Customers whose messages end in delivery_failed. */
    final Set<String> failingNumbers;
    final StatusTimeline statusTimeline;
    final String channelId = Ids.uuid();
    final String wabaId = "649852411234567";

    SimulatorSettings(String businessId, String apiKey, String webhookSecret, List<String> businessNumbers,
                      String businessName, Set<String> failingNumbers, StatusTimeline statusTimeline) {
        this.businessId = businessId;
        this.apiKey = apiKey;
        this.webhookSecret = webhookSecret;
        this.businessNumbers = Collections.unmodifiableSet(new LinkedHashSet<>(businessNumbers));
        this.businessName = businessName;
        this.failingNumbers = Set.copyOf(failingNumbers);
        this.statusTimeline = statusTimeline;
    }

    String defaultSender() {
        return businessNumbers.iterator().next();
    }

    /** {@code number} when a customer can write to it (one of the business's numbers), else an error naming them. */
    String customerWritesTo(String number) {
        if (!businessNumbers.contains(number)) {
            throw new IllegalArgumentException("'" + number + "' is not a WhatsApp number of this business; a customer writes to one of "
                    + businessNumbers);
        }
        return number;
    }
}
