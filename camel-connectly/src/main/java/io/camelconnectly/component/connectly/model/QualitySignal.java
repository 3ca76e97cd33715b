package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One quality signal element.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QualitySignal {

    private WhatsAppQualitySignals whatsappQualitySignals;

    public QualitySignal() {
    }

    public WhatsAppQualitySignals getWhatsappQualitySignals() {
        return whatsappQualitySignals;
    }

    public void setWhatsappQualitySignals(WhatsAppQualitySignals whatsappQualitySignals) {
        this.whatsappQualitySignals = whatsappQualitySignals;
    }

    /** Fluent setter of {@code whatsappQualitySignals}. */
    public QualitySignal withWhatsappQualitySignals(WhatsAppQualitySignals whatsappQualitySignals) {
        this.whatsappQualitySignals = whatsappQualitySignals;
        return this;
    }
}
