package io.camelconnectly.component.connectly.model;

import java.util.Map;

/**
 * Connectly's error object: the body of every non-2xx answer, and {@code statusUpdate.error} of a
 * {@code delivery_failed} webhook. {@code cntTraceId} is a string of digits: quote it to Connectly support.
 */
public class ErrorBody {

    private String message;
    private String type;
    private String code;
    private String userTitle;
    private String userMessage;
    private String cntTraceId;
    private Map<String, Object> details;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getUserTitle() {
        return userTitle;
    }

    public void setUserTitle(String userTitle) {
        this.userTitle = userTitle;
    }

    public String getUserMessage() {
        return userMessage;
    }

    public void setUserMessage(String userMessage) {
        this.userMessage = userMessage;
    }

    public String getCntTraceId() {
        return cntTraceId;
    }

    public void setCntTraceId(String cntTraceId) {
        this.cntTraceId = cntTraceId;
    }

    public Map<String, Object> getDetails() {
        return details;
    }

    public void setDetails(Map<String, Object> details) {
        this.details = details;
    }

    @Override
    public String toString() {
        return "ErrorBody[code=" + code + ", type=" + type + ", message=" + message + ", cntTraceId=" + cntTraceId + "]";
    }
}
