package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The buttons component of a template. Shape inferred: {@code {"buttons": [{"url": {...}}, {"quickReply": {...}}]}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateButtons {

    private List<TemplateButton> buttons;

    public TemplateButtons() {
    }

    public List<TemplateButton> getButtons() {
        return buttons;
    }

    public void setButtons(List<TemplateButton> buttons) {
        this.buttons = buttons;
    }

    /** Fluent setter of {@code buttons}. */
    public TemplateButtons withButtons(List<TemplateButton> buttons) {
        this.buttons = buttons;
        return this;
    }
}
