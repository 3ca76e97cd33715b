package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code GET /get/quality_signals}: one signal per WhatsApp number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QualitySignalsResponse {

    private QualitySignals entity;

    public QualitySignalsResponse() {
    }

    public QualitySignals getEntity() {
        return entity;
    }

    public void setEntity(QualitySignals entity) {
        this.entity = entity;
    }

    /** Fluent setter of {@code entity}. */
    public QualitySignalsResponse withEntity(QualitySignals entity) {
        this.entity = entity;
        return this;
    }

    /** All per-number signals, never null. */
    public List<WhatsAppQualitySignals> whatsappSignals() {
        if (entity == null || entity.getSignals() == null) {
            return List.of();
        }
        List<WhatsAppQualitySignals> result = new java.util.ArrayList<>();
        for (QualitySignal signal : entity.getSignals()) {
            if (signal != null && signal.getWhatsappQualitySignals() != null) {
                result.add(signal.getWhatsappQualitySignals());
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "QualitySignalsResponse[" + ModelText.items(whatsappSignals(), WhatsAppQualitySignals::toString) + "]";
    }
}
