package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code entity} of the quality-signals answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QualitySignals {

    private List<QualitySignal> signals;

    public QualitySignals() {
    }

    public List<QualitySignal> getSignals() {
        return signals;
    }

    public void setSignals(List<QualitySignal> signals) {
        this.signals = signals;
    }

    /** Fluent setter of {@code signals}. */
    public QualitySignals withSignals(List<QualitySignal> signals) {
        this.signals = signals;
        return this;
    }
}
