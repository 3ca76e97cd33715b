package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A glob filter of a webhook registration, e.g. field campaign_name, expression prod-*.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookFilter {

    private String field;
    private String expression;

    public WebhookFilter() {
    }

    public WebhookFilter(String field, String expression) {
        this.field = field;
        this.expression = expression;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    /** Fluent setter of {@code field}. */
    public WebhookFilter withField(String field) {
        this.field = field;
        return this;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }

    /** Fluent setter of {@code expression}. */
    public WebhookFilter withExpression(String expression) {
        this.expression = expression;
        return this;
    }
}
