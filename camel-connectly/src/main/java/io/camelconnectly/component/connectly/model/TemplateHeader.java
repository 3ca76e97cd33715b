package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A template header: text (may hold {{1}}) or media (TYPE_IMAGE, TYPE_VIDEO, TYPE_DOCUMENT).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateHeader {

    private TemplateText text;
    private TemplateMedia media;

    public TemplateHeader() {
    }

    public TemplateText getText() {
        return text;
    }

    public void setText(TemplateText text) {
        this.text = text;
    }

    /** Fluent setter of {@code text}. */
    public TemplateHeader withText(TemplateText text) {
        this.text = text;
        return this;
    }

    public TemplateMedia getMedia() {
        return media;
    }

    public void setMedia(TemplateMedia media) {
        this.media = media;
    }

    /** Fluent setter of {@code media}. */
    public TemplateHeader withMedia(TemplateMedia media) {
        this.media = media;
        return this;
    }
}
