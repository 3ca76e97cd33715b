package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/**
 * A message template in one language. Its review outcome is decided when it is created (Meta's checks the simulator
 * knows) but only becomes visible once the approval delay has passed on the simulator's clock, so moving the clock
 * forward also finishes reviews.
 */
final class Template {

    static final String PENDING = "MESSAGE_TEMPLATE_STATUS_PENDING";
    static final String APPROVED = "MESSAGE_TEMPLATE_STATUS_APPROVED";
    static final String REJECTED = "MESSAGE_TEMPLATE_STATUS_REJECTED";
    /** Meta's reason code for every rejection the simulator makes; the explanation is in {@link #rejectionDetail}. */
    static final String REJECTION_REASON = "INVALID_FORMAT";

    final String id;
    final String name;
    final String language;
    final String category;
    final JsonNode components;
    final TemplateShape shape;
    final Set<String> requiredParameters;
    final long createdAtMillis;
    final long reviewedAtMillis;
    final String rejectionDetail;

    Template(String id, String name, String language, String category, JsonNode components, long createdAtMillis,
             long reviewedAtMillis) {
        this.id = id;
        this.name = name;
        this.language = language;
        this.category = category;
        this.components = components;
        this.shape = TemplateShape.read(components);
        this.requiredParameters = shape.requiredParameters();
        this.createdAtMillis = createdAtMillis;
        this.reviewedAtMillis = reviewedAtMillis;
        this.rejectionDetail = shape.rejectionDetail();
    }

    String status(long nowMillis) {
        if (nowMillis < reviewedAtMillis) {
            return PENDING;
        }
        return rejectionDetail == null ? APPROVED : REJECTED;
    }

    Instant updatedAt(long nowMillis) {
        return Instant.ofEpochMilli(nowMillis < reviewedAtMillis ? createdAtMillis : reviewedAtMillis);
    }
}
