package io.camelconnectly.component.connectly.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A titled section of an interactive list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListSection {

    private String title;
    private List<ListRow> rows;

    public ListSection() {
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** Fluent setter of {@code title}. */
    public ListSection withTitle(String title) {
        this.title = title;
        return this;
    }

    public List<ListRow> getRows() {
        return rows;
    }

    public void setRows(List<ListRow> rows) {
        this.rows = rows;
    }

    /** Fluent setter of {@code rows}. */
    public ListSection withRows(List<ListRow> rows) {
        this.rows = rows;
        return this;
    }
}
