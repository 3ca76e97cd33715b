package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /send/whatsapp_templated_messages}. NB: {@code sender} is a string here, an object on
 * {@code /send/messages}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SendTemplatedMessageRequest {

    /** Recipient in E.164 (or bsuid:...). */
    private String number;
    private String templateName;
    /** e.g. en, en_US. */
    private String language;
    /** header_text, header_image, body_1..., button_1_url... */
    private List<TemplateParameter> parameters;
    /** Business number in E.164. */
    private String sender;
    /** Any JSON value, at most 1024 bytes. */
    private Object callbackData;
    /** Analytics tag. */
    private String campaignName;

    public SendTemplatedMessageRequest() {
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    /** Fluent setter of {@code number}. */
    public SendTemplatedMessageRequest withNumber(String number) {
        this.number = number;
        return this;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    /** Fluent setter of {@code templateName}. */
    public SendTemplatedMessageRequest withTemplateName(String templateName) {
        this.templateName = templateName;
        return this;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** Fluent setter of {@code language}. */
    public SendTemplatedMessageRequest withLanguage(String language) {
        this.language = language;
        return this;
    }

    public List<TemplateParameter> getParameters() {
        return parameters;
    }

    public void setParameters(List<TemplateParameter> parameters) {
        this.parameters = parameters;
    }

    /** Fluent setter of {@code parameters}. */
    public SendTemplatedMessageRequest withParameters(List<TemplateParameter> parameters) {
        this.parameters = parameters;
        return this;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    /** Fluent setter of {@code sender}. */
    public SendTemplatedMessageRequest withSender(String sender) {
        this.sender = sender;
        return this;
    }

    public Object getCallbackData() {
        return callbackData;
    }

    public void setCallbackData(Object callbackData) {
        this.callbackData = callbackData;
    }

    /** Fluent setter of {@code callbackData}. */
    public SendTemplatedMessageRequest withCallbackData(Object callbackData) {
        this.callbackData = callbackData;
        return this;
    }

    public String getCampaignName() {
        return campaignName;
    }

    public void setCampaignName(String campaignName) {
        this.campaignName = campaignName;
    }

    /** Fluent setter of {@code campaignName}. */
    public SendTemplatedMessageRequest withCampaignName(String campaignName) {
        this.campaignName = campaignName;
        return this;
    }
}
