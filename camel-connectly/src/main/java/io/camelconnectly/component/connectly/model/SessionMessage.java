package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code message} of a session send: one content kind. Content kinds this class does not model
 * (e.g. {@code singleProductMessage}) are kept in {@link #getAdditionalProperties()} and sent as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SessionMessage extends OpenJsonObject {

    /** Optional client message id. */
    private String id;
    /** Plain text. */
    private String text;
    /** Media by public URL: at most one. */
    private List<Attachment> attachments;
    /** A location pin. */
    private Location location;
    /** An interactive list. */
    private ListMessage listMessage;
    /** Interactive reply buttons. */
    private ReplyButtonMessage replyButtonMessage;

    public SessionMessage() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public SessionMessage withId(String id) {
        this.id = id;
        return this;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public SessionMessage withText(String text) {
        this.text = text;
        return this;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public void setAttachments(List<Attachment> attachments) {
        this.attachments = attachments;
    }

    /** Fluent setter of {@code attachments}. */
    public SessionMessage withAttachments(List<Attachment> attachments) {
        this.attachments = attachments;
        return this;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    /** Fluent setter of {@code location}. */
    public SessionMessage withLocation(Location location) {
        this.location = location;
        return this;
    }

    public ListMessage getListMessage() {
        return listMessage;
    }

    public void setListMessage(ListMessage listMessage) {
        this.listMessage = listMessage;
    }

    /** Fluent setter of {@code listMessage}. */
    public SessionMessage withListMessage(ListMessage listMessage) {
        this.listMessage = listMessage;
        return this;
    }

    public ReplyButtonMessage getReplyButtonMessage() {
        return replyButtonMessage;
    }

    public void setReplyButtonMessage(ReplyButtonMessage replyButtonMessage) {
        this.replyButtonMessage = replyButtonMessage;
    }

    /** Fluent setter of {@code replyButtonMessage}. */
    public SessionMessage withReplyButtonMessage(ReplyButtonMessage replyButtonMessage) {
        this.replyButtonMessage = replyButtonMessage;
        return this;
    }

    public static SessionMessage text(String text) {
        return new SessionMessage().withText(text);
    }
}
