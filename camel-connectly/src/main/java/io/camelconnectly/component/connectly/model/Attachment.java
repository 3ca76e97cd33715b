package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Media by URL: {@code type} is image, video, audio or document; {@code filename} only for documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Attachment {

    public static final String TYPE_IMAGE = "image";
    public static final String TYPE_VIDEO = "video";
    public static final String TYPE_AUDIO = "audio";
    public static final String TYPE_DOCUMENT = "document";

    /** image, video, audio or document. */
    private String type;
    /** Public http(s) URL of the media. */
    private String url;
    private String caption;
    /** Only for documents. */
    private String filename;

    public Attachment() {
    }

    public Attachment(String type, String url) {
        this.type = type;
        this.url = url;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Fluent setter of {@code type}. */
    public Attachment withType(String type) {
        this.type = type;
        return this;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Fluent setter of {@code url}. */
    public Attachment withUrl(String url) {
        this.url = url;
        return this;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    /** Fluent setter of {@code caption}. */
    public Attachment withCaption(String caption) {
        this.caption = caption;
        return this;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    /** Fluent setter of {@code filename}. */
    public Attachment withFilename(String filename) {
        this.filename = filename;
        return this;
    }
}
