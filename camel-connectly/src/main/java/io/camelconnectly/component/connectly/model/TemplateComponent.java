package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One component of a template: exactly one of header, body, footer, buttons is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateComponent {

    private TemplateHeader header;
    private TemplateBody body;
    private TemplateFooter footer;
    /** Shape inferred. */
    private TemplateButtons buttons;

    public TemplateComponent() {
    }

    public TemplateHeader getHeader() {
        return header;
    }

    public void setHeader(TemplateHeader header) {
        this.header = header;
    }

    /** Fluent setter of {@code header}. */
    public TemplateComponent withHeader(TemplateHeader header) {
        this.header = header;
        return this;
    }

    public TemplateBody getBody() {
        return body;
    }

    public void setBody(TemplateBody body) {
        this.body = body;
    }

    /** Fluent setter of {@code body}. */
    public TemplateComponent withBody(TemplateBody body) {
        this.body = body;
        return this;
    }

    public TemplateFooter getFooter() {
        return footer;
    }

    public void setFooter(TemplateFooter footer) {
        this.footer = footer;
    }

    /** Fluent setter of {@code footer}. */
    public TemplateComponent withFooter(TemplateFooter footer) {
        this.footer = footer;
        return this;
    }

    public TemplateButtons getButtons() {
        return buttons;
    }

    public void setButtons(TemplateButtons buttons) {
        this.buttons = buttons;
    }

    /** Fluent setter of {@code buttons}. */
    public TemplateComponent withButtons(TemplateButtons buttons) {
        this.buttons = buttons;
        return this;
    }
}
