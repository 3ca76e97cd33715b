package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Interactive reply buttons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplyButtonMessage {

    private InteractiveHeader header;
    private InteractiveFooter footer;
    private List<InteractiveButton> buttons;

    public ReplyButtonMessage() {
    }

    public InteractiveHeader getHeader() {
        return header;
    }

    public void setHeader(InteractiveHeader header) {
        this.header = header;
    }

    /** Fluent setter of {@code header}. */
    public ReplyButtonMessage withHeader(InteractiveHeader header) {
        this.header = header;
        return this;
    }

    public InteractiveFooter getFooter() {
        return footer;
    }

    public void setFooter(InteractiveFooter footer) {
        this.footer = footer;
    }

    /** Fluent setter of {@code footer}. */
    public ReplyButtonMessage withFooter(InteractiveFooter footer) {
        this.footer = footer;
        return this;
    }

    public List<InteractiveButton> getButtons() {
        return buttons;
    }

    public void setButtons(List<InteractiveButton> buttons) {
        this.buttons = buttons;
    }

    /** Fluent setter of {@code buttons}. */
    public ReplyButtonMessage withButtons(List<InteractiveButton> buttons) {
        this.buttons = buttons;
        return this;
    }
}
