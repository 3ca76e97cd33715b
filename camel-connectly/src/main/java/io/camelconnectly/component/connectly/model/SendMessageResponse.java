package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of both send endpoints ({@code /send/messages}, {@code /send/whatsapp_templated_messages}):
 * the id of the created message, equal to {@code statusUpdate.id} of its later delivery statuses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SendMessageResponse {

    private String id;

    public SendMessageResponse() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter of {@code id}. */
    public SendMessageResponse withId(String id) {
        this.id = id;
        return this;
    }

    @Override
    public String toString() {
        return "SendMessageResponse[id=" + id + "]";
    }
}
