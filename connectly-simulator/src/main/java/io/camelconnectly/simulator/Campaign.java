package io.camelconnectly.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Flow-Builder campaign: published or not, and which customers already received it. */
final class Campaign {

    final String name;
    final boolean published;
    final String campaignId = Ids.uuid();
    final String campaignVersion = Ids.uuid();
    /** Connectly reuses one sendout per campaign: status "created" the first time, "updated" afterwards. */
    final String sendoutId = Ids.uuid();
    final AtomicBoolean sentOnce = new AtomicBoolean();
    final Set<String> recipients = ConcurrentHashMap.newKeySet();

    Campaign(String name, boolean published) {
        this.name = name;
        this.published = published;
    }
}
