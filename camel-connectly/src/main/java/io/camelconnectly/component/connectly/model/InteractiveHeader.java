package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Header of an interactive message: text or a media attachment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InteractiveHeader {

    private String text;
    private Attachment attachment;

    public InteractiveHeader() {
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public InteractiveHeader withText(String text) {
        this.text = text;
        return this;
    }

    public Attachment getAttachment() {
        return attachment;
    }

    public void setAttachment(Attachment attachment) {
        this.attachment = attachment;
    }

    /** Fluent setter of {@code attachment}. */
    public InteractiveHeader withAttachment(Attachment attachment) {
        this.attachment = attachment;
        return this;
    }
}
