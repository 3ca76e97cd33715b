package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An interactive list: a button that opens sections of rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListMessage {

    private InteractiveHeader header;
    private InteractiveFooter footer;
    /** The button that opens the list. */
    private InteractiveButton button;
    private List<ListSection> sections;

    public ListMessage() {
    }

    public InteractiveHeader getHeader() {
        return header;
    }

    public void setHeader(InteractiveHeader header) {
        this.header = header;
    }

    /** Fluent setter of {@code header}. */
    public ListMessage withHeader(InteractiveHeader header) {
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
    public ListMessage withFooter(InteractiveFooter footer) {
        this.footer = footer;
        return this;
    }

    public InteractiveButton getButton() {
        return button;
    }

    public void setButton(InteractiveButton button) {
        this.button = button;
    }

    /** Fluent setter of {@code button}. */
    public ListMessage withButton(InteractiveButton button) {
        this.button = button;
        return this;
    }

    public List<ListSection> getSections() {
        return sections;
    }

    public void setSections(List<ListSection> sections) {
        this.sections = sections;
    }

    /** Fluent setter of {@code sections}. */
    public ListMessage withSections(List<ListSection> sections) {
        this.sections = sections;
        return this;
    }
}
