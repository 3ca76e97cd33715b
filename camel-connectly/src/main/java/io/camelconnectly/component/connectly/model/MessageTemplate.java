package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One template in one language, with its review status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MessageTemplate {

    public static final String STATUS_APPROVED = "MESSAGE_TEMPLATE_STATUS_APPROVED";
    public static final String STATUS_PENDING = "MESSAGE_TEMPLATE_STATUS_PENDING";
    public static final String STATUS_REJECTED = "MESSAGE_TEMPLATE_STATUS_REJECTED";

    private String id;
    private TemplateChannel channel;
    private TemplateLanguage language;
    /** MESSAGE_TEMPLATE_STATUS_PENDING, _APPROVED or _REJECTED (other values kept as sent). */
    private String status;
    private String createdAt;
    private String updatedAt;
    /** Why Meta rejected it, e.g. INVALID_FORMAT. */
    private String rejectionReason;
    private List<TemplateComponent> templateComponents;
    /** Meta's raw template, as received. */
    private JsonNode externalTemplate;

    public MessageTemplate() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public MessageTemplate withId(String id) {
        this.id = id;
        return this;
    }

    public TemplateChannel getChannel() {
        return channel;
    }

    public void setChannel(TemplateChannel channel) {
        this.channel = channel;
    }

    /** Fluent setter of {@code channel}. */
    public MessageTemplate withChannel(TemplateChannel channel) {
        this.channel = channel;
        return this;
    }

    public TemplateLanguage getLanguage() {
        return language;
    }

    public void setLanguage(TemplateLanguage language) {
        this.language = language;
    }

    /** Fluent setter of {@code language}. */
    public MessageTemplate withLanguage(TemplateLanguage language) {
        this.language = language;
        return this;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Fluent setter of {@code status}. */
    public MessageTemplate withStatus(String status) {
        this.status = status;
        return this;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    /** Fluent setter of {@code createdAt}. */
    public MessageTemplate withCreatedAt(String createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** Fluent setter of {@code updatedAt}. */
    public MessageTemplate withUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    /** Fluent setter of {@code rejectionReason}. */
    public MessageTemplate withRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
        return this;
    }

    public List<TemplateComponent> getTemplateComponents() {
        return templateComponents;
    }

    public void setTemplateComponents(List<TemplateComponent> templateComponents) {
        this.templateComponents = templateComponents;
    }

    /** Fluent setter of {@code templateComponents}. */
    public MessageTemplate withTemplateComponents(List<TemplateComponent> templateComponents) {
        this.templateComponents = templateComponents;
        return this;
    }

    public JsonNode getExternalTemplate() {
        return externalTemplate;
    }

    public void setExternalTemplate(JsonNode externalTemplate) {
        this.externalTemplate = externalTemplate;
    }

    /** Fluent setter of {@code externalTemplate}. */
    public MessageTemplate withExternalTemplate(JsonNode externalTemplate) {
        this.externalTemplate = externalTemplate;
        return this;
    }

    public boolean isApproved() {
        return STATUS_APPROVED.equals(status);
    }

    /** The language code, or null. */
    public String languageCode() {
        return language == null ? null : language.getCode();
    }

    /** Language and status only: the components hold the whole template text. */
    @Override
    public String toString() {
        return "MessageTemplate[" + languageCode() + " " + ModelText.status(status)
               + (rejectionReason != null ? ", rejectionReason=" + rejectionReason : "") + "]";
    }
}
