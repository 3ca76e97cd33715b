package io.camelconnectly.component.connectly.client;

import com.fasterxml.jackson.databind.ObjectReader;
import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.ConnectlyOperation;
import io.camelconnectly.component.connectly.model.CampaignSendoutResponse;
import io.camelconnectly.component.connectly.model.CreateTemplateResponse;
import io.camelconnectly.component.connectly.model.DeleteWebhookResponse;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.GetWebhooksResponse;
import io.camelconnectly.component.connectly.model.QualitySignalsResponse;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import io.camelconnectly.component.connectly.model.WebhookResponse;

/**
 * The one place that knows each Connectly call: HTTP method, path under {@code /v1/businesses/{businessId}}, whether it
 * only reads (so 502/504/timeouts may be retried safely) and the answer's type.
 */
public enum ConnectlyApi {

    SEND_MESSAGE(ConnectlyOperation.sendMessage, "POST", "/send/messages", false, SendMessageResponse.class),
    SEND_TEMPLATED_MESSAGE(ConnectlyOperation.sendTemplatedMessage, "POST", "/send/whatsapp_templated_messages", false,
                           SendMessageResponse.class),
    SEND_CAMPAIGN(ConnectlyOperation.sendCampaign, "POST", "/send/campaigns", false, CampaignSendoutResponse.class),
    // POST without a body, as documented; it only reads
    GET_TEMPLATES(ConnectlyOperation.getTemplates, "POST", "/get/templates", true, GetTemplatesResponse.class),
    CREATE_TEMPLATE(ConnectlyOperation.createTemplate, "POST", "/create/template", false, CreateTemplateResponse.class),
    GET_QUALITY_SIGNALS(ConnectlyOperation.getQualitySignals, "GET", "/get/quality_signals", true, QualitySignalsResponse.class),
    CREATE_WEBHOOK(ConnectlyOperation.createWebhook, "POST", "/create/webhooks", false, WebhookResponse.class),
    GET_WEBHOOKS(ConnectlyOperation.getWebhooks, "GET", "/webhooks", true, GetWebhooksResponse.class),
    UPDATE_WEBHOOK(ConnectlyOperation.updateWebhook, "PUT", "/update/webhooks/", false, WebhookResponse.class),
    DELETE_WEBHOOK(ConnectlyOperation.deleteWebhook, "DELETE", "/delete/webhooks/", false, DeleteWebhookResponse.class);

    private final ConnectlyOperation operation;
    private final String method;
    private final String path;
    private final boolean read;
    private final Class<?> responseType;
    private final ObjectReader responseReader;

    ConnectlyApi(ConnectlyOperation operation, String method, String path, boolean read, Class<?> responseType) {
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.read = read;
        this.responseType = responseType;
        this.responseReader = ConnectlyJson.mapper().readerFor(responseType);
    }

    public static ConnectlyApi of(ConnectlyOperation operation) {
        for (ConnectlyApi api : values()) {
            if (api.operation == operation) {
                return api;
            }
        }
        throw new IllegalArgumentException("connectly:" + operation + " does not call the Connectly API");
    }

    public ConnectlyOperation operation() {
        return operation;
    }

    public String method() {
        return method;
    }

    /** The path under /v1/businesses/{businessId}; the webhook id follows it for update and delete. */
    public String path() {
        return path;
    }

    /** Whether the call has an id path parameter (updateWebhook, deleteWebhook). */
    public boolean hasIdParameter() {
        return path.endsWith("/");
    }

    /** Reads change nothing at Connectly, so any transient failure may be retried. */
    public boolean isRead() {
        return read;
    }

    public Class<?> responseType() {
        return responseType;
    }

    ObjectReader responseReader() {
        return responseReader;
    }
}
