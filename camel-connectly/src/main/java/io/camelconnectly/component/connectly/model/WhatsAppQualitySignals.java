package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Quality of one WhatsApp number. {@code messagesLimitTier} and {@code qualityScore} are kept as the strings
 * Connectly sends (values other than the documented ones are kept, never rejected); {@link #qualityLevel()} reads the score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WhatsAppQualitySignals {

    private String phoneNumber;
    private String wabaId;
    /** e.g. WHATS_APP_MESSAGE_LIMIT_TIER_UNSPECIFIED (normal for new numbers). */
    private String messagesLimitTier;
    /** e.g. WHATS_APP_QUALITY_SCORE_HIGH. */
    private String qualityScore;

    public WhatsAppQualitySignals() {
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    /** Fluent setter of {@code phoneNumber}. */
    public WhatsAppQualitySignals withPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
        return this;
    }

    public String getWabaId() {
        return wabaId;
    }

    public void setWabaId(String wabaId) {
        this.wabaId = wabaId;
    }

    /** Fluent setter of {@code wabaId}. */
    public WhatsAppQualitySignals withWabaId(String wabaId) {
        this.wabaId = wabaId;
        return this;
    }

    public String getMessagesLimitTier() {
        return messagesLimitTier;
    }

    public void setMessagesLimitTier(String messagesLimitTier) {
        this.messagesLimitTier = messagesLimitTier;
    }

    /** Fluent setter of {@code messagesLimitTier}. */
    public WhatsAppQualitySignals withMessagesLimitTier(String messagesLimitTier) {
        this.messagesLimitTier = messagesLimitTier;
        return this;
    }

    public String getQualityScore() {
        return qualityScore;
    }

    public void setQualityScore(String qualityScore) {
        this.qualityScore = qualityScore;
    }

    /** Fluent setter of {@code qualityScore}. */
    public WhatsAppQualitySignals withQualityScore(String qualityScore) {
        this.qualityScore = qualityScore;
        return this;
    }

    /** The quality score as a level; {@code UNKNOWN} for values this version does not know. */
    public QualityLevel qualityLevel() {
        return QualityLevel.fromWire(qualityScore);
    }

    /** Quality score levels; lenient: an unknown wire value maps to {@link #UNKNOWN}. */
    public enum QualityLevel {
        HIGH,
        MEDIUM,
        LOW,
        UNSPECIFIED,
        UNKNOWN;

        static QualityLevel fromWire(String value) {
            if (value != null && value.startsWith("WHATS_APP_QUALITY_SCORE_")) {
                String level = value.substring("WHATS_APP_QUALITY_SCORE_".length());
                for (QualityLevel candidate : values()) {
                    if (candidate.name().equals(level)) {
                        return candidate;
                    }
                }
            }
            return UNKNOWN;
        }
    }

    @Override
    public String toString() {
        return "WhatsAppQualitySignals[phoneNumber=" + phoneNumber + ", messagesLimitTier=" + messagesLimitTier
               + ", qualityScore=" + qualityScore + "]";
    }
}
