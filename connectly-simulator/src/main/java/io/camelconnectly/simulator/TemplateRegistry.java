package io.camelconnectly.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The business's templates keyed by name and language. */
final class TemplateRegistry {

    private final ConcurrentHashMap<String, Template> byKey = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(651213231000000L);
    private final SimulatorClock clock;
    private final Duration approvalDelay;

    TemplateRegistry(SimulatorClock clock, Duration approvalDelay) {
        this.clock = clock;
        this.approvalDelay = approvalDelay;
    }

    private static String key(String name, String language) {
        return name + '\u0000' + language;
    }

    Template find(String name, String language) {
        return byKey.get(key(name, language));
    }

    /** A seed template: approved from the start. */
    void seed(String name, String language, String category, com.fasterxml.jackson.databind.JsonNode components) {
        long created = clock.nowMillis() - Duration.ofDays(30).toMillis();
        Template template = new Template(Long.toString(ids.incrementAndGet()), name, language, category, components,
                created, created);
        if (template.rejectionDetail != null) {
            throw new IllegalArgumentException("seed template " + name + " would be rejected: " + template.rejectionDetail);
        }
        byKey.put(key(name, language), template);
    }

    /** Creates a pending template; null when the name and language already exist. */
    Template create(String name, String language, String category, com.fasterxml.jackson.databind.JsonNode components) {
        long now = clock.nowMillis();
        Template template = new Template(Long.toString(ids.incrementAndGet()), name, language, category, components,
                now, now + approvalDelay.toMillis());
        return byKey.putIfAbsent(key(name, language), template) == null ? template : null;
    }

    /** All templates ordered by name then language. */
    List<Template> all() {
        List<Template> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing((Template t) -> t.name).thenComparing(t -> t.language));
        return list;
    }
}
